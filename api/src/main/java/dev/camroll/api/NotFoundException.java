package dev.camroll.api;

import java.util.List;

/** An operation named ids that are not in the library (or not visible to the caller). */
public class NotFoundException extends CamrollException {
    private final List<String> ids;

    public NotFoundException(String what, List<String> ids) {
        super("no " + what + " with id " + String.join(", ", ids));
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }
}
