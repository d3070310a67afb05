package dev.camroll.core.store;

import dev.camroll.api.CamrollException;

/**
 * The data folder (or the index in it) cannot serve the library; the message says what to do, the
 * problem's code ({@link DataFolderProblem#code}) says it to programs.
 */
public final class DataFolderException extends CamrollException {
    private final DataFolderProblem problem;

    public DataFolderException(DataFolderProblem problem, String message) {
        this(problem, message, null);
    }

    public DataFolderException(DataFolderProblem problem, String message, Throwable cause) {
        super(problem.code(), message, cause);
        this.problem = problem;
    }

    public DataFolderProblem problem() {
        return problem;
    }
}
