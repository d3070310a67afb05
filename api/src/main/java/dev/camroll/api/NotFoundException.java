package dev.camroll.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An operation named ids that are not in the library (or not visible to the caller). */
public class NotFoundException extends CamrollException {
    /** The detail listing the ids. */
    public static final String IDS = "ids";
    /** The detail naming what the ids were taken for: "asset", "album", "trashed asset". */
    public static final String KIND = "kind";

    private final List<String> ids;

    public NotFoundException(String what, List<String> ids) {
        super(ErrorCode.NOT_FOUND, "no " + what + " with id " + String.join(", ", ids), details(what, ids), null);
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }

    /** What the ids were taken for ("asset", "album", ...). */
    public String kind() {
        return (String) details().get(KIND);
    }

    private static Map<String, Object> details(String what, List<String> ids) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(KIND, what);
        details.put(IDS, ids);
        return details;
    }
}
