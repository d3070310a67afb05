package dev.camroll.core.metadata;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Loader;

/**
 * FFmpeg's libraries (libavformat, libavcodec, libavutil from the {@code org.bytedeco:ffmpeg}
 * artifact), loaded once per process. They read video and audio in this process: no executable
 * is started and nothing has to be installed. libavdevice is never loaded: it needs the system's
 * PulseAudio library, which a fresh machine lacks, and reading files does not need it.
 */
public final class FfmpegLibraries {

    /**
     * Set to {@code true}, probes made afterwards read no video or audio, as if the libraries could
     * not load; the rows they write are read again once the libraries are back.
     */
    public static final String DISABLED_PROPERTY = "camroll.ffmpeg.disabled";

    private static volatile String problem;
    private static volatile boolean loaded;

    private FfmpegLibraries() {}

    /** Loads the libraries on first use; throws with the cause when they cannot load. */
    public static void require() {
        if (!loaded) {
            load();
        }
        if (problem != null) {
            throw new FfmpegUnavailableException(problem);
        }
    }

    /** Whether the libraries are loaded (loading them on first use). Never throws. */
    public static boolean available() {
        if (!loaded) {
            load();
        }
        return problem == null;
    }

    /** Why the libraries are not available, or null when they are. */
    public static String problem() {
        available();
        return problem;
    }

    private static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Loader.load(avformat.class);
            // Damage is reported through return codes and our own warnings; FFmpeg's log would
            // only add lines on stderr of the command line.
            av_log_set_level(AV_LOG_QUIET);
        } catch (RuntimeException | LinkageError e) {
            problem = "FFmpeg's libraries could not be loaded (" + MediaProbe.describe(e) + ")";
        }
        loaded = true;
    }
}
