package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;

/** What is wrong with a data folder, for callers that act on it rather than print it. */
public enum DataFolderProblem {
    /** The data path exists and is not a folder. */
    NOT_A_FOLDER(ErrorCode.BAD_DATA_FOLDER),
    /** The data folder cannot be written by this process: queries work, writes do not. */
    READ_ONLY(ErrorCode.READ_ONLY),
    /** A folder Camroll keeps inside the data folder (trash, moves) is a link or not a folder. */
    NOT_OUR_FOLDER(ErrorCode.BAD_DATA_FOLDER),
    /** The index is damaged and cannot be moved aside to build a new one. */
    DAMAGED_INDEX(ErrorCode.DAMAGED_INDEX);

    private final ErrorCode code;

    DataFolderProblem(ErrorCode code) {
        this.code = code;
    }

    /** The code its exception carries. */
    public ErrorCode code() {
        return code;
    }
}
