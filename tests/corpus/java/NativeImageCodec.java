package com.example.media.codec;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import sun.misc.Unsafe;

/** JNI bridge to libwebp for thumbnail encoding. */
public final class NativeImageCodec {

    static {
        System.loadLibrary("webpbridge");
    }

    private static native long encoderNew(int width, int height, float quality);
    private static native int encoderPush(long handle, ByteBuffer rgba);
    private static native byte[] encoderFinish(long handle);

    private static final Unsafe UNSAFE;
    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public record Token(String kind, int offset) {}

    private final int width;
    private final int height;

    public NativeImageCodec(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public byte[] encode(ByteBuffer rgba, float quality) {
        if (rgba.remaining() != width * height * 4) {
            throw new IllegalArgumentException("expected " + width * height * 4 + " bytes");
        }
        long h = encoderNew(width, height, quality);
        encoderPush(h, rgba);
        return encoderFinish(h);
    }

    static long scratch(int bytes) {
        return UNSAFE.allocateMemory(bytes);
    }

    /** Picks sample frames for the preview strip; not security relevant. */
    static List<Integer> sampleFrames(int frameCount, int samples, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < frameCount; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(seed));
        List<Integer> picked = new ArrayList<>(all.subList(0, Math.min(samples, frameCount)));
        Collections.sort(picked);
        return picked;
    }

    static List<Token> tokens(String spec) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        for (String part : spec.split(",")) {
            out.add(new Token(part.trim(), i));
            i += part.length() + 1;
        }
        return out;
    }
}
