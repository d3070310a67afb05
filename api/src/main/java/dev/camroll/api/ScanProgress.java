package dev.camroll.api;

/** Told how a scan advances; called from the scanning threads, so keep it quick. */
public interface ScanProgress {
    ScanProgress NONE = new ScanProgress() {};

    /**
     * Another scan of the library (in this process or another) is running: this one waits for it
     * to finish, up to {@code maxWait}, before it starts.
     */
    default void waitingForAnotherScan(java.time.Duration maxWait) {}

    /** The walk is done: {@code filesToRead} files are new or changed and will be read. */
    default void started(long filesToRead) {}

    /** One more file was read. */
    default void fileRead() {}

    /** All is written. */
    default void finished(ScanReport report) {}
}
