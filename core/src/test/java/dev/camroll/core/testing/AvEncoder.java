package dev.camroll.core.testing;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Encodes test videos, sounds and stills in this process through FFmpeg's libraries (the same
 * bindings the reader uses), so that tests need no {@code ffmpeg} executable.
 */
final class AvEncoder {

    private static final int FRAME_RATE = 10;

    /** MPEG-1 and MPEG-2 allow only the broadcast rates: they get 25 frames a second. */
    private static final int BROADCAST_FRAME_RATE = 25;

    /** What to write: container, codecs, length, tags, rotation, cover art. */
    record Recipe(
            String container,
            String videoCodec,
            int width,
            int height,
            String audioCodec,
            double seconds,
            int rotation,
            byte[] coverPng,
            Map<String, String> tags,
            Map<String, String> muxerOptions,
            int frameRate) {

        /** A recipe at the default frame rate (10 a second; MPEG-1 and MPEG-2 25). */
        Recipe(
                String container,
                String videoCodec,
                int width,
                int height,
                String audioCodec,
                double seconds,
                int rotation,
                byte[] coverPng,
                Map<String, String> tags,
                Map<String, String> muxerOptions) {
            this(container, videoCodec, width, height, audioCodec, seconds, rotation, coverPng, tags, muxerOptions, 0);
        }
    }

    static {
        // Encoders report statistics at the default level; tests want only errors.
        av_log_set_level(AV_LOG_ERROR);
    }

    private AvEncoder() {}

    static boolean hasEncoder(String name) {
        return avcodec_find_encoder_by_name(name) != null;
    }

    static void write(Path target, Recipe recipe) {
        AVFormatContext output = new AVFormatContext(null);
        check(avformat_alloc_output_context2(output, null, recipe.container(), target.toString()), "container");
        Track video = null;
        Track audio = null;
        AVStream cover = null;
        try {
            if (recipe.videoCodec() != null) {
                video = videoTrack(output, recipe);
            }
            if (recipe.audioCodec() != null) {
                audio = audioTrack(output, recipe.audioCodec());
            }
            if (recipe.coverPng() != null) {
                cover = avformat_new_stream(output, null);
                cover.codecpar().codec_type(AVMEDIA_TYPE_VIDEO);
                cover.codecpar().codec_id(AV_CODEC_ID_PNG);
                cover.codecpar().width(64);
                cover.codecpar().height(64);
                cover.disposition(AV_DISPOSITION_ATTACHED_PIC);
            }
            AVDictionary tags = new AVDictionary(null);
            for (Map.Entry<String, String> tag : recipe.tags().entrySet()) {
                av_dict_set(tags, tag.getKey(), tag.getValue(), 0);
            }
            output.metadata(tags);
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open " + target);
            output.pb(io);
            AVDictionary options = new AVDictionary(null);
            for (Map.Entry<String, String> option : recipe.muxerOptions().entrySet()) {
                av_dict_set(options, option.getKey(), option.getValue(), 0);
            }
            check(avformat_write_header(output, options), "header");
            av_dict_free(options);
            if (cover != null) {
                writeCover(output, cover, recipe.coverPng());
            }
            int rate = frameRate(recipe);
            long videoFrames = Math.round(recipe.seconds() * rate);
            long audioSamples = audio == null ? 0 : Math.round(recipe.seconds() * audio.context.sample_rate());
            long frame = 0;
            long sample = 0;
            // Interleave by time so that every muxer gets its packets in order.
            while ((video != null && frame < videoFrames) || (audio != null && sample < audioSamples)) {
                boolean videoNext = video != null
                        && frame < videoFrames
                        && (audio == null
                                || sample >= audioSamples
                                || frame / (double) rate <= sample / (double) audio.context.sample_rate());
                if (videoNext) {
                    video.encode(output, picture(video.context, frame++));
                } else {
                    AVFrame samples = tone(audio.context, sample, audioSamples);
                    sample += samples.nb_samples();
                    audio.encode(output, samples);
                }
            }
            if (video != null) {
                video.encode(output, null);
            }
            if (audio != null) {
                audio.encode(output, null);
            }
            check(av_write_trailer(output), "trailer");
        } finally {
            if (video != null) {
                video.close();
            }
            if (audio != null) {
                audio.close();
            }
            if (output.pb() != null) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
        }
    }

    /** One encoder and the stream it feeds. */
    private static final class Track {
        final AVCodecContext context;
        final AVStream stream;
        final AVPacket packet = av_packet_alloc();

        Track(AVCodecContext context, AVStream stream) {
            this.context = context;
            this.stream = stream;
        }

        void encode(AVFormatContext output, AVFrame frame) {
            check(avcodec_send_frame(context, frame), "encode");
            if (frame != null) {
                av_frame_free(frame);
            }
            while (avcodec_receive_packet(context, packet) == 0) {
                if (packet.duration() <= 0 && context.codec_type() == AVMEDIA_TYPE_VIDEO) {
                    // Some encoders leave it out; without it the last frame would not count.
                    packet.duration(1);
                }
                av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
                packet.stream_index(stream.index());
                check(av_interleaved_write_frame(output, packet), "write");
            }
        }

        void close() {
            av_packet_free(packet);
            avcodec_free_context(context);
        }
    }

    private static int frameRate(Recipe recipe) {
        if (recipe.frameRate() > 0) {
            return recipe.frameRate();
        }
        String codec = recipe.videoCodec();
        return codec != null && codec.startsWith("mpeg") && !codec.equals("mpeg4") ? BROADCAST_FRAME_RATE : FRAME_RATE;
    }

    private static Track videoTrack(AVFormatContext output, Recipe recipe) {
        AVCodec codec = encoder(recipe.videoCodec());
        AVCodecContext context = avcodec_alloc_context3(codec);
        context.width(recipe.width());
        context.height(recipe.height());
        int rate = frameRate(recipe);
        context.time_base(av_make_q(1, rate));
        context.framerate(av_make_q(rate, 1));
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        context.gop_size(rate);
        context.bit_rate(200_000);
        globalHeader(output, context);
        AVDictionary options = new AVDictionary(null);
        if (recipe.videoCodec().equals("libvpx")) {
            av_dict_set(options, "deadline", "realtime", 0);
            av_dict_set(options, "cpu-used", "8", 0);
        } else if (recipe.videoCodec().equals("libaom-av1")) {
            av_dict_set(options, "still-picture", "1", 0);
            av_dict_set(options, "cpu-used", "8", 0);
        }
        check(avcodec_open2(context, codec, options), "open " + recipe.videoCodec());
        av_dict_free(options);
        AVStream stream = avformat_new_stream(output, null);
        stream.time_base(context.time_base());
        check(avcodec_parameters_from_context(stream.codecpar(), context), "parameters");
        if (recipe.rotation() != 0) {
            displayMatrix(stream, recipe.rotation());
        }
        return new Track(context, stream);
    }

    /** A display matrix on the stream, as a phone writes for a video held upright. */
    private static void displayMatrix(AVStream stream, int rotation) {
        PointerPointer<AVPacketSideData> list = new PointerPointer<>(1);
        list.put(0, stream.codecpar().coded_side_data());
        IntPointer count = new IntPointer(1).put(stream.codecpar().nb_coded_side_data());
        AVPacketSideData added = av_packet_side_data_new(list, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
        if (added == null) {
            throw new IllegalStateException("no room for a display matrix");
        }
        av_display_rotation_set(new IntPointer(added.data()), rotation);
        stream.codecpar().coded_side_data(new AVPacketSideData(list.get(0)));
        stream.codecpar().nb_coded_side_data(count.get());
    }

    private static Track audioTrack(AVFormatContext output, String codecName) {
        AVCodec codec = encoder(codecName);
        AVCodecContext context = avcodec_alloc_context3(codec);
        int rate = codecName.contains("opus") ? 48_000 : 44_100;
        context.sample_rate(rate);
        context.sample_fmt(
                switch (codecName) {
                    case "aac", "vorbis", "ac3", "eac3" -> AV_SAMPLE_FMT_FLTP;
                    case "libmp3lame" -> AV_SAMPLE_FMT_S16P;
                    default -> AV_SAMPLE_FMT_S16;
                });
        av_channel_layout_default(context.ch_layout(), 1);
        context.bit_rate(64_000);
        context.time_base(av_make_q(1, rate));
        context.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL);
        globalHeader(output, context);
        check(avcodec_open2(context, codec, (AVDictionary) null), "open " + codecName);
        AVStream stream = avformat_new_stream(output, null);
        stream.time_base(context.time_base());
        check(avcodec_parameters_from_context(stream.codecpar(), context), "parameters");
        return new Track(context, stream);
    }

    private static void globalHeader(AVFormatContext output, AVCodecContext context) {
        if ((output.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
    }

    private static void writeCover(AVFormatContext output, AVStream cover, byte[] png) {
        AVPacket packet = av_packet_alloc();
        try {
            check(av_new_packet(packet, png.length), "cover");
            packet.data().put(png);
            packet.stream_index(cover.index());
            packet.flags(AV_PKT_FLAG_KEY);
            check(av_interleaved_write_frame(output, packet), "cover");
        } finally {
            av_packet_free(packet);
        }
    }

    /** A frame of moving bars, so that each frame differs a little. */
    private static AVFrame picture(AVCodecContext context, long index) {
        AVFrame frame = av_frame_alloc();
        frame.format(context.pix_fmt());
        frame.width(context.width());
        frame.height(context.height());
        check(av_frame_get_buffer(frame, 0), "frame");
        for (int plane = 0; plane < 3; plane++) {
            int width = plane == 0 ? context.width() : (context.width() + 1) / 2;
            int height = plane == 0 ? context.height() : (context.height() + 1) / 2;
            int stride = frame.linesize(plane);
            BytePointer data = frame.data(plane);
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[x] = (byte) (plane == 0 ? (x + y + index * 3) * 4 : 128 + plane * 20);
                }
                data.position((long) y * stride).put(row, 0, width);
            }
            data.position(0);
        }
        frame.pts(index);
        return frame;
    }

    /** The next frame of a 440 Hz tone. */
    private static AVFrame tone(AVCodecContext context, long first, long total) {
        int size = context.frame_size() > 0 ? context.frame_size() : 1024;
        int count = (int) Math.min(size, total - first);
        int shortLast = AV_CODEC_CAP_VARIABLE_FRAME_SIZE | AV_CODEC_CAP_SMALL_LAST_FRAME;
        if (context.frame_size() > 0 && (context.codec().capabilities() & shortLast) == 0) {
            count = size; // an encoder of whole frames only: the last one is padded with silence
        }
        AVFrame frame = av_frame_alloc();
        frame.format(context.sample_fmt());
        frame.sample_rate(context.sample_rate());
        frame.nb_samples(count);
        check(av_channel_layout_copy(frame.ch_layout(), context.ch_layout()), "layout");
        check(av_frame_get_buffer(frame, 0), "samples");
        boolean floats = context.sample_fmt() == AV_SAMPLE_FMT_FLTP || context.sample_fmt() == AV_SAMPLE_FMT_FLT;
        for (int i = 0; i < count; i++) {
            double value = Math.sin(2 * Math.PI * 440 * (first + i) / context.sample_rate()) * 0.3;
            if (floats) {
                new FloatPointer(frame.data(0)).put(i, (float) value);
            } else {
                new ShortPointer(frame.data(0)).put(i, (short) (value * Short.MAX_VALUE));
            }
        }
        frame.pts(first);
        return frame;
    }

    private static AVCodec encoder(String name) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no encoder " + name);
        }
        return codec;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            BytePointer message = new BytePointer(256);
            av_strerror(result, message, 256);
            throw new IllegalStateException(what + " failed: " + message.getString());
        }
    }
}
