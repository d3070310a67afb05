package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import dev.camroll.core.metadata.FfmpegLibraries;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * FFmpeg's libraries for pictures: the ones the metadata readers load, plus libswscale. Loaded
 * once per process.
 */
final class MediaCodecs {

    private static volatile boolean scalerLoaded;

    private MediaCodecs() {}

    /** Loads the libraries; throws {@code FfmpegUnavailableException} when they cannot load. */
    static void require() {
        FfmpegLibraries.require();
        if (!scalerLoaded) {
            loadScaler();
        }
    }

    private static synchronized void loadScaler() {
        if (!scalerLoaded) {
            Loader.load(swscale.class);
            scalerLoaded = true;
        }
    }

    /** FFmpeg's text for an error code. */
    static String errorText(int code) {
        try (BytePointer message = new BytePointer(256)) {
            av_strerror(code, message, 256);
            // The buffer's whole capacity would be read as text: only up to FFmpeg's terminating zero.
            byte[] text = new byte[256];
            message.get(text);
            int length = 0;
            while (length < text.length && text[length] != 0) {
                length++;
            }
            return new String(text, 0, length, StandardCharsets.UTF_8);
        }
    }
}
