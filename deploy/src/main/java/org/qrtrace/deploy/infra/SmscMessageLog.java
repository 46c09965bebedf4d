package org.qrtrace.deploy.infra;

import jakarta.json.JsonException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the local SMSC received, as one JSON object per line appended to a file (or, without a file, in memory). The
 * file is the record: a killed and restarted SMSC still shows (and counts) every message it acknowledged, since a
 * message is appended before its submit_sm_resp is sent. Messages are read back from the file when asked for, not held
 * in memory: a benchmark puts tens of thousands of messages through the stack's SMSC, whose heap is 128 MB.
 */
final class SmscMessageLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscMessageLog.class);

    private final Path file;
    private final FileChannel channel;
    /** Without a file only. */
    private final List<SmscMessage> memory;
    /** Bytes of whole lines written (the file's size but for a partial line being written). */
    private long written;
    private int count;

    private SmscMessageLog(Path file, FileChannel channel, List<SmscMessage> memory, long written, int count) {
        this.file = file;
        this.channel = channel;
        this.memory = memory;
        this.written = written;
        this.count = count;
    }

    /** @param file the JSON-lines file; null keeps the messages in memory only */
    static SmscMessageLog open(Path file) {
        if (file == null) {
            return new SmscMessageLog(null, null, new ArrayList<>(), 0, 0);
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (channel.size() > 0 && lastByte(file, channel.size()) != '\n') {
                // A process killed in the middle of a write leaves a partial last line: that message was never
                // acknowledged (the append precedes the response). End it, so the next line stands alone.
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
            int[] count = {0};
            forEachLine(file, channel.size(), m -> count[0]++);
            return new SmscMessageLog(file, channel, null, channel.size(), count[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMSC message log " + file, e);
        }
    }

    private static int lastByte(Path file, long size) throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            read.read(one, size - 1);
            return one.get(0);
        }
    }

    /** Records a message; when this returns, the message is in the file (written to the OS, which a killed process keeps). */
    synchronized void append(SmscMessage message) throws IOException {
        if (channel == null) {
            memory.add(message);
        } else {
            ByteBuffer bytes = ByteBuffer.wrap((SmscJson.line(message.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
            written += bytes.remaining();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        count++;
    }

    /** Every message, oldest first (read from the file). */
    List<SmscMessage> all() {
        List<SmscMessage> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** Hands every message recorded so far to {@code action}, oldest first, reading the file as it goes. */
    void forEach(Consumer<SmscMessage> action) {
        long upTo;
        synchronized (this) {
            if (channel == null) {
                List.copyOf(memory).forEach(action);
                return;
            }
            upTo = written;
        }
        try {
            forEachLine(file, upTo, action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SMSC message log " + file, e);
        }
    }

    synchronized int size() {
        return count;
    }

    /** Reads the messages in the first {@code upTo} bytes of the file; unreadable lines (a killed write) are skipped. */
    private static void forEachLine(Path file, long upTo, Consumer<SmscMessage> action) throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(read);
             BufferedReader lines = new BufferedReader(new InputStreamReader(limited(in, upTo), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                SmscMessage message;
                try {
                    message = SmscMessage.fromJson(SmscJson.parse(line));
                } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                         | java.time.format.DateTimeParseException e) {
                    LOG.warn("skipping an unreadable line of {}: {}", file, e.toString());
                    continue;
                }
                action.accept(message);
            }
        }
    }

    private static InputStream limited(InputStream in, long limit) {
        return new InputStream() {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** Forgets every message, in memory and in the file (tests clear between cases). */
    synchronized void clear() throws IOException {
        if (channel != null) {
            channel.truncate(0);
            written = 0;
        } else {
            memory.clear();
        }
        count = 0;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
