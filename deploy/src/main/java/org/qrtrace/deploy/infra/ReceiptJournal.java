package org.qrtrace.deploy.infra;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery receipts the local SMSC owes, kept in a JSON-lines file so that a killed and restarted SMSC still sends
 * them, as a carrier's store-and-forward SMSC does: a receipt is written ({@code {"due": {...}}}) before the
 * submit_sm_resp of its part goes out, and marked ({@code {"sent": "id"}}) once the ESME acknowledged it. At start the
 * receipts due and not sent are handed back and the file is rewritten with them alone; it is rewritten the same way
 * whenever it holds many more lines than receipts owed. A receipt acknowledged just before a kill (not marked yet) is
 * sent again after the restart: ESMEs take receipts idempotently (by message id).
 */
final class ReceiptJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptJournal.class);
    /** Rewrite the file once it has this many more lines than receipts owed. */
    private static final int COMPACT_AFTER = 50_000;

    private final Path file;
    private final Map<String, JsonObject> due;
    private FileChannel channel;
    private int lines;

    private ReceiptJournal(Path file, Map<String, JsonObject> due) throws IOException {
        this.file = file;
        this.due = due;
        rewrite();
    }

    /** Opens (or creates) the journal; {@link #owed()} then holds what an earlier run of the SMSC did not send. */
    static ReceiptJournal open(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Map<String, JsonObject> due = new LinkedHashMap<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonObject entry = SmscJson.parse(line);
                        if (entry.containsKey("due")) {
                            JsonObject receipt = entry.getJsonObject("due");
                            due.put(receipt.getString("messageId"), receipt);
                        } else if (entry.containsKey("sent")) {
                            due.remove(entry.getString("sent"));
                        }
                    } catch (JsonException | ClassCastException | NullPointerException e) {
                        // The last line of a killed write: its receipt's part was never answered either.
                        LOG.warn("skipping an unreadable line of {}: {}", file, e.toString());
                    }
                }
            }
            return new ReceiptJournal(file, due);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMSC receipt journal " + file, e);
        }
    }

    /** The receipts owed, oldest first, as {@link #due} was given them. */
    synchronized List<JsonObject> owed() {
        return new ArrayList<>(due.values());
    }

    /** A receipt to send; when this returns it is in the file (written to the OS, which a killed process keeps). */
    synchronized void due(String messageId, JsonObject receipt) throws IOException {
        due.put(messageId, receipt);
        write(SmscJson.PROVIDER.createObjectBuilder().add("due", receipt).build());
    }

    /** The ESME took the receipt (or it was given up): not owed any more. */
    synchronized void sent(String messageId) throws IOException {
        if (due.remove(messageId) == null) {
            return;
        }
        write(SmscJson.PROVIDER.createObjectBuilder().add("sent", messageId).build());
        if (lines > due.size() + COMPACT_AFTER) {
            rewrite();
        }
    }

    private void write(JsonObject entry) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((SmscJson.line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        lines++;
    }

    /** The file again with the receipts owed alone (written aside, then moved over the old one). */
    private void rewrite() throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (JsonObject receipt : due.values()) {
                ByteBuffer bytes = ByteBuffer.wrap((SmscJson.line(SmscJson.PROVIDER.createObjectBuilder().add("due", receipt).build())
                        + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            out.force(true);
        }
        if (channel != null) {
            channel.close();
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lines = due.size();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
