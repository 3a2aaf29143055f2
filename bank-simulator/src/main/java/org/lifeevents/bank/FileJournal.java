package org.lifeevents.bank;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the bank remembers of the files it received, kept on disk so a restarted simulator still recognises a file
 * (the same report for the same file, DU01 for a different file under a known message id): every file it took,
 * content-addressed by its SHA-256 under {@code files/}, and a journal of one line per receipt and per delivery, which
 * is replayed at start. A line is appended and forced to disk before the report leaves.
 */
final class FileJournal {

    private static final String RECEIVED = "RECEIVED";
    private static final String DELIVERED = "DELIVERED";

    private final Path journal;
    private final Path files;

    FileJournal(Path directory) {
        this.journal = directory.resolve("journal.log");
        this.files = directory.resolve("files");
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + directory + " for the bank's files", e);
        }
    }

    /** Puts back what the journal recorded. */
    void replay(Map<String, ReceivedFile> received) {
        if (!Files.exists(journal)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split("\t");
                if (RECEIVED.equals(f[0]) && f.length == 7) {
                    ReceivedFile file = new ReceivedFile(f[1], f[2], OffsetDateTime.parse(f[3]));
                    file.record(Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]));
                    file.deliveries().incrementAndGet();
                    received.putIfAbsent(f[1], file);
                } else if (DELIVERED.equals(f[0]) && f.length == 2 && received.containsKey(f[1])) {
                    received.get(f[1]).deliveries().incrementAndGet();
                }
                // a line cut short by a crash is skipped: its report never left
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + journal, e);
        }
    }

    /** Keeps the file's bytes under their digest and records its receipt and what the bank did with it. */
    void received(ReceivedFile file, byte[] content) {
        Path target = files.resolve(file.digest() + ".xml");
        try {
            if (!Files.exists(target)) {
                Path partial = Files.createTempFile(files, file.digest(), ".part");
                Files.write(partial, content);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep file " + file.messageId(), e);
        }
        append(String.join("\t", RECEIVED, file.messageId(), file.digest(), file.receivedAt().toString(),
                String.valueOf(file.credited()), String.valueOf(file.rejected()), String.valueOf(file.creditedCents())));
    }

    void delivered(ReceivedFile file) {
        append(DELIVERED + "\t" + file.messageId());
    }

    private synchronized void append(String line) {
        try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + journal, e);
        }
    }
}
