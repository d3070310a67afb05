package dev.camroll.core.metadata;

/** What probing a file found: media (maybe damaged), or not media at all. */
public sealed interface ProbeOutcome {

    /** A media file, with what could be read of it. */
    record Media(MediaFacts facts) implements ProbeOutcome {}

    /**
     * Not an asset.
     *
     * @param warning why a file that looked like media (by its name) was skipped; null for a file
     *     that never claimed to be media (a text file, a sidecar)
     */
    record NotMedia(String warning) implements ProbeOutcome {}
}
