package org.qrtrace.deploy.infra;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local SMSC received, in memory and, when given a file, as one JSON object per line appended to it. The file
 * is read back at start, so a killed and restarted SMSC still shows (and counts) every message it acknowledged: a
 * message is appended before its submit_sm_resp is sent.
 */
final class SmscMessageLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscMessageLog.class);

    private final Path file;
    private final FileChannel channel;
    private final List<SmscMessage> messages;

    private SmscMessageLog(Path file, FileChannel channel, List<SmscMessage> messages) {
        this.file = file;
        this.channel = channel;
        this.messages = messages;
    }

    /** @param file the JSON-lines file; null keeps the messages in memory only */
    static SmscMessageLog open(Path file) {
        if (file == null) {
            return new SmscMessageLog(null, null, new ArrayList<>());
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            List<SmscMessage> read = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        read.add(SmscMessage.fromJson(reader.readObject()));
                    } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                             | java.time.format.DateTimeParseException e) {
                        // A process killed in the middle of a write leaves a partial last line: that message was never
                        // acknowledged (the append precedes the response), so skipping it loses nothing promised.
                        LOG.warn("skipping an unreadable line of {}: {}", file, e.toString());
                    }
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (channel.size() > 0 && lastByte(file, channel.size()) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'})); // end the partial line, so the next one stands alone
            }
            return new SmscMessageLog(file, channel, read);
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
        if (channel != null) {
            StringWriter line = new StringWriter();
            try (JsonWriter writer = Json.createWriter(line)) {
                writer.writeObject(message.toJson());
            }
            line.append('\n');
            ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        messages.add(message);
    }

    synchronized List<SmscMessage> all() {
        return List.copyOf(messages);
    }

    /** Forgets every message, in memory and in the file (tests clear between cases). */
    synchronized void clear() throws IOException {
        if (channel != null) {
            channel.truncate(0);
        }
        messages.clear();
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
