package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_free_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The video half of a transcode: decodes the original's video stream, scales it to square pixels
 * within 1920 x 1080 (a portrait video within 1080 x 1920) in 8-bit 4:2:0, and encodes it as
 * H.264 with libopenh264, the encoder of the LGPL FFmpeg build (it has no libx264). The display
 * matrix goes over unchanged, so a phone's upright video stays upright.
 */
final class VideoEncoding implements AutoCloseable {

    static final String ENCODER = "libopenh264";
    static final int MAX_LONG_EDGE = 1920;
    static final int MAX_SHORT_EDGE = 1080;

    /** Bits per pixel and frame: about 6 Mbit/s at 1080p and 30 frames a second. */
    private static final double BITS_PER_PIXEL = 0.1;

    private final AVStream input;
    private final AVCodecContext decoder;
    private final AVCodecContext encoder;
    private final AVStream output;
    private final SwsContext scaler;
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame scaled = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final long startOffset;
    private final long frameDuration;
    private long lastPts = AV_NOPTS_VALUE;
    private long framesWritten;

    private VideoEncoding(
            AVStream input,
            AVCodecContext decoder,
            AVCodecContext encoder,
            AVStream output,
            long startOffset,
            long frameDuration) {
        this.input = input;
        this.decoder = decoder;
        this.encoder = encoder;
        this.output = output;
        this.startOffset = startOffset;
        this.frameDuration = frameDuration;
        this.scaler = sws_alloc_context();
        scaler.flags(SWS_BICUBIC);
    }

    /** Whether the bundled FFmpeg has the H.264 encoder renditions need. */
    static boolean encoderAvailable() {
        MediaCodecs.require();
        AVCodec codec = avcodec_find_encoder_by_name(ENCODER);
        return codec != null && !codec.isNull();
    }

    /**
     * Opens the decoder of stream {@code index} and an encoder feeding a new stream of {@code out}.
     *
     * @param startOffset the time, in the stream's time base, that becomes 0 in the rendition
     */
    static VideoEncoding open(AVFormatContext in, int index, AVFormatContext out, long startOffset, int threads) {
        AVStream stream = in.streams(index);
        AVCodecParameters parameters = stream.codecpar();
        AVCodec decoderCodec = avcodec_find_decoder(parameters.codec_id());
        if (decoderCodec == null || decoderCodec.isNull()) {
            throw new NoRenditionException(
                    NoRenditionException.Reason.UNSUPPORTED_FORMAT, "no decoder for this video in FFmpeg's libraries");
        }
        AVCodec encoderCodec = avcodec_find_encoder_by_name(ENCODER);
        if (encoderCodec == null || encoderCodec.isNull()) {
            throw new NoRenditionException(
                    NoRenditionException.Reason.UNSUPPORTED_FORMAT, "this FFmpeg build has no H.264 encoder");
        }
        AVCodecContext decoder = avcodec_alloc_context3(decoderCodec);
        AVCodecContext encoder = avcodec_alloc_context3(encoderCodec);
        try {
            Transcode.check(avcodec_parameters_to_context(decoder, parameters), "video decoder");
            decoder.pkt_timebase(stream.time_base());
            decoder.thread_count(threads);
            decoder.max_pixels(Thumbnailer.DEFAULT_MAX_PIXELS);
            Transcode.check(avcodec_open2(decoder, decoderCodec, (AVDictionary) null), "video decoder");

            int[] size = outputSize(parameters.width(), parameters.height(), parameters.sample_aspect_ratio());
            AVRational rate = av_guess_frame_rate(in, stream, null);
            if (rate.num() <= 0 || rate.den() <= 0 || rate.num() / (double) rate.den() > 240) {
                rate = av_make_q(30, 1);
            }
            double fps = rate.num() / (double) rate.den();
            encoder.width(size[0]);
            encoder.height(size[1]);
            encoder.pix_fmt(AV_PIX_FMT_YUV420P);
            encoder.time_base(stream.time_base());
            encoder.framerate(rate);
            encoder.gop_size((int) Math.max(1, Math.round(fps * 2))); // a key frame every 2 s to seek to
            encoder.bit_rate(Math.max(500_000L, Math.round(size[0] * (double) size[1] * fps * BITS_PER_PIXEL)));
            encoder.thread_count(threads);
            encoder.color_range(AVCOL_RANGE_MPEG);
            encoder.colorspace(parameters.color_space());
            encoder.color_primaries(parameters.color_primaries());
            encoder.color_trc(parameters.color_trc());
            if ((out.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "allow_skip_frames", "0", 0);
            int opened = avcodec_open2(encoder, encoderCodec, options);
            av_dict_free(options);
            Transcode.check(opened, "H.264 encoder");

            AVStream target = avformat_new_stream(out, null);
            Transcode.check(avcodec_parameters_from_context(target.codecpar(), encoder), "video stream");
            target.time_base(encoder.time_base());
            copyDisplayMatrix(parameters, target);
            long duration = Math.max(1, av_rescale_q(1, av_make_q(rate.den(), rate.num()), stream.time_base()));
            return new VideoEncoding(stream, decoder, encoder, target, startOffset, duration);
        } catch (RuntimeException e) {
            avcodec_free_context(decoder);
            avcodec_free_context(encoder);
            throw e;
        }
    }

    /**
     * The rendition's size: square pixels (an anamorphic DV or MPEG-2 picture widened as it is
     * shown), within 1920 x 1080 or 1080 x 1920, even on both sides as 4:2:0 needs.
     */
    static int[] outputSize(int width, int height, AVRational aspect) {
        double shownWidth = width;
        if (aspect != null && aspect.num() > 0 && aspect.den() > 0) {
            shownWidth = width * (double) aspect.num() / aspect.den();
        }
        double longEdge = Math.max(shownWidth, height);
        double shortEdge = Math.min(shownWidth, height);
        double scale = Math.min(1.0, Math.min(MAX_LONG_EDGE / longEdge, MAX_SHORT_EDGE / shortEdge));
        int outWidth = Math.max(2, (int) Math.round(shownWidth * scale) & ~1);
        int outHeight = Math.max(2, (int) Math.round(height * scale) & ~1);
        return new int[] {outWidth, outHeight};
    }

    int streamIndex() {
        return input.index();
    }

    /** How many encoded frames went to the rendition. */
    long framesWritten() {
        return framesWritten;
    }

    /** Decodes a packet of the original and encodes what it gives; a damaged packet is passed over. */
    void send(AVPacket original, AVFormatContext out) {
        if (avcodec_send_packet(decoder, original) >= 0) {
            receiveFrames(out);
        }
    }

    /** Drains the decoder and the encoder at the end of the file. */
    void finish(AVFormatContext out) {
        avcodec_send_packet(decoder, null);
        receiveFrames(out);
        avcodec_send_frame(encoder, null);
        receivePackets(out);
    }

    private void receiveFrames(AVFormatContext out) {
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            try {
                encode(decoded, out);
            } finally {
                av_frame_unref(decoded);
            }
        }
    }

    private void encode(AVFrame frame, AVFormatContext out) {
        long time = frame.best_effort_timestamp() != AV_NOPTS_VALUE ? frame.best_effort_timestamp() : frame.pts();
        long pts = time == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : time - startOffset;
        if (pts == AV_NOPTS_VALUE || (lastPts != AV_NOPTS_VALUE && pts <= lastPts)) {
            // No time, or one going backwards (a damaged stream): the next frame's slot.
            pts = lastPts == AV_NOPTS_VALUE ? 0 : lastPts + frameDuration;
        }
        if (pts < 0) {
            return; // before the start of the rendition (a stream starting before the others)
        }
        lastPts = pts;
        AVFrame picture = frame;
        if (frame.width() != encoder.width()
                || frame.height() != encoder.height()
                || frame.format() != AV_PIX_FMT_YUV420P) {
            av_frame_unref(scaled);
            scaled.width(encoder.width()).height(encoder.height()).format(AV_PIX_FMT_YUV420P);
            scaled.color_range(AVCOL_RANGE_MPEG);
            scaled.colorspace(frame.colorspace());
            scaled.color_primaries(frame.color_primaries());
            scaled.color_trc(frame.color_trc());
            Transcode.check(sws_scale_frame(scaler, scaled, frame), "video scaling");
            picture = scaled;
        }
        picture.pts(pts);
        picture.pict_type(AV_PICTURE_TYPE_NONE); // the encoder chooses its own key frames
        Transcode.check(avcodec_send_frame(encoder, picture), "H.264 encoding");
        receivePackets(out);
    }

    private void receivePackets(AVFormatContext out) {
        while (avcodec_receive_packet(encoder, packet) >= 0) {
            if (packet.duration() <= 0) {
                packet.duration(frameDuration);
            }
            av_packet_rescale_ts(packet, encoder.time_base(), output.time_base());
            packet.stream_index(output.index());
            Transcode.check(av_interleaved_write_frame(out, packet), "writing the rendition");
            framesWritten++;
        }
    }

    private static void copyDisplayMatrix(AVCodecParameters from, AVStream to) {
        AVPacketSideData matrix =
                av_packet_side_data_get(from.coded_side_data(), from.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4 || matrix.data() == null) {
            return;
        }
        PointerPointer<AVPacketSideData> list = new PointerPointer<>(1);
        list.put(0, to.codecpar().coded_side_data());
        IntPointer count = new IntPointer(1).put(to.codecpar().nb_coded_side_data());
        AVPacketSideData added = av_packet_side_data_new(list, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
        if (added == null || added.isNull()) {
            return;
        }
        byte[] bytes = new byte[9 * 4];
        matrix.data().get(bytes);
        added.data().put(bytes);
        to.codecpar().coded_side_data(new AVPacketSideData(list.get(0)));
        to.codecpar().nb_coded_side_data(count.get());
    }

    @Override
    public void close() {
        av_packet_free(packet);
        av_frame_free(scaled);
        av_frame_free(decoded);
        sws_free_context(scaler);
        avcodec_free_context(encoder);
        avcodec_free_context(decoder);
    }
}
