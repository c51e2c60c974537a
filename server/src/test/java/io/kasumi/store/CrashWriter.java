package io.kasumi.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link RocksDbCrashTest}: writes from 8 threads until killed, printing
 * {@code ACK <key>} for each put only after the put returned.
 */
public final class CrashWriter {

    static final int THREADS = 8;

    static byte[] key(int thread, long n) {
        return ("t" + thread + "-" + n).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(String key) {
        return ("value of " + key).repeat(4).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws InterruptedException {
        RocksDbStore store = RocksDbStore.open(Path.of(args[0]));
        PrintStream acks = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        Thread[] writers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers[t] = new Thread(() -> {
                for (long n = 0; ; n++) {
                    byte[] key = key(thread, n);
                    String text = new String(key, StandardCharsets.UTF_8);
                    store.put(key, value(text));
                    synchronized (acks) {
                        acks.println("ACK " + text);
                        acks.flush();
                    }
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
