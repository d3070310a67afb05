package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_DATA_ICC_PROFILE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_side_data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVFrameSideData;

/**
 * Decodes one still picture with FFmpeg's decoders in this process: the whole file is one packet,
 * as FFmpeg's own image demuxers hand it over, read straight into native memory (no copy on the
 * Java heap, whatever the file's size). JPEG is decoded at 1/2, 1/4 or 1/8 of its size when the
 * thumbnail needs no more ({@code lowres}: the DCT scaling that makes libvips fast), which skips
 * most of the work and memory of a camera picture. The decoder refuses pictures of more pixels
 * than asked ({@code max_pixels}) before it allocates them.
 */
final class StillDecoder {

    /** Larger files are not pictures anyone takes; refusing them bounds the native buffer. */
    static final long MAX_FILE_BYTES = 1L << 30;

    /** A decoded frame (native; close it) and the ICC profile the file carries, or null. */
    record Decoded(AVFrame frame, byte[] iccProfile) implements AutoCloseable {
        @Override
        public void close() {
            av_frame_free(frame);
        }
    }

    private StillDecoder() {}

    /** Decodes a whole file as one packet of {@code codecId}. */
    static Decoded decodeFile(Path file, int codecId, int lowres, long maxPixels) {
        return decodeRange(file, 0, -1, codecId, lowres, maxPixels);
    }

    /**
     * Decodes {@code length} bytes of a file from {@code offset} (the whole file when length is
     * negative) as one packet: a raw file's embedded preview is read straight into the packet,
     * never the sensor data around it.
     */
    static Decoded decodeRange(Path file, long offset, long length, int codecId, int lowres, long maxPixels) {
        AVPacket packet = av_packet_alloc();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = length < 0 ? channel.size() : length;
            if (size > MAX_FILE_BYTES) {
                throw new NoThumbnailException(
                        NoThumbnailException.Reason.TOO_LARGE, "file of " + size + " bytes is larger than a picture");
            }
            if (size == 0 || av_new_packet(packet, (int) size) < 0) {
                throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "file is empty");
            }
            ByteBuffer into = packet.data().capacity(size).asByteBuffer();
            while (into.hasRemaining()) {
                if (channel.read(into, offset + into.position()) < 0) {
                    break;
                }
            }
            packet.size(into.position());
            return decode(packet, codecId, lowres, maxPixels);
        } catch (IOException e) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, "file could not be read: " + e.getMessage());
        } finally {
            av_packet_free(packet);
        }
    }

    /** Decodes one packet holding a whole picture (a file, or a container's cover art). */
    static Decoded decode(AVPacket packet, int codecId, int lowres, long maxPixels) {
        MediaCodecs.require();
        AVCodec codec = avcodec_find_decoder(codecId);
        if (codec == null || codec.isNull()) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNSUPPORTED_FORMAT,
                    "no decoder for this picture in FFmpeg's libraries");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVFrame frame = av_frame_alloc();
        try {
            context.lowres(Math.max(0, Math.min(lowres, codec.max_lowres())));
            context.max_pixels(maxPixels);
            context.thread_count(1);
            check(avcodec_open2(context, codec, (AVDictionary) null), "decoder could not be opened");
            check(avcodec_send_packet(context, packet), "picture could not be decoded");
            avcodec_send_packet(context, null);
            check(avcodec_receive_frame(context, frame), "picture could not be decoded");
            Decoded decoded = new Decoded(frame, iccProfile(frame));
            frame = null;
            return decoded;
        } finally {
            if (frame != null) {
                av_frame_free(frame);
            }
            avcodec_free_context(context);
        }
    }

    private static byte[] iccProfile(AVFrame frame) {
        AVFrameSideData side = av_frame_get_side_data(frame, AV_FRAME_DATA_ICC_PROFILE);
        if (side == null || side.isNull() || side.size() <= 0 || side.data() == null) {
            return null;
        }
        byte[] profile = new byte[(int) side.size()];
        side.data().get(profile);
        return profile;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, what + ": " + MediaCodecs.errorText(result));
        }
    }
}
