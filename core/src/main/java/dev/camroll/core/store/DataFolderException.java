package dev.camroll.core.store;

import dev.camroll.api.CamrollException;

/** The data folder (or the index in it) cannot serve the library; the message says what to do. */
public final class DataFolderException extends CamrollException {
    private final DataFolderProblem problem;

    public DataFolderException(DataFolderProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public DataFolderException(DataFolderProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public DataFolderProblem problem() {
        return problem;
    }
}
