package org.perflink.host.files.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region's drop folder: {@code <folder>/<regionCode>/} with {@code done/}, {@code failed/} and {@code .perflink/}.
 * A file is taken once it is complete: a {@code <name>.ready} marker beside it, or the same size and modification
 * time at two scans at least {@code stableMillis} apart (a copier still writing changes one of them). Taking it reads
 * it, stores its items and events ({@link FolderState}), then moves it atomically into done/ - or into failed/, with
 * {@code <name>.error.json} saying why, when nothing in it could be read. A folder that cannot be listed is an
 * {@link IOException}: the host is "down", nothing is taken or lost, and the next poll tries again.
 */
final class RegionFolder {

    private static final Logger LOG = LoggerFactory.getLogger(RegionFolder.class);
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String READY = ".ready";
    /** China Standard Time: the zone of an event dated by its file. */
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);

    record Seen(long size, FileTime modified, long at) {
    }

    final String regionCode;
    final Path inbox;
    final Path done;
    private final Path failed;
    private final long stableMillis;
    private final LongSupplier clock;
    private final ObjectMapper mapper;
    final FolderState state;
    final Intake intake;
    final ResultFiles results;
    private final Map<String, Seen> seen = new HashMap<>();
    private boolean loaded;

    RegionFolder(Path root, String regionCode, long stableMillis, LongSupplier clock, ObjectMapper mapper) {
        this.regionCode = regionCode;
        this.inbox = root.resolve(regionCode);
        this.done = inbox.resolve(DONE);
        this.failed = inbox.resolve(FAILED);
        this.stableMillis = stableMillis;
        this.clock = clock;
        this.mapper = mapper;
        this.state = new FolderState(inbox.resolve(".perflink").resolve("state.json"), mapper);
        this.intake = new Intake(mapper, regionCode);
        this.results = new ResultFiles(done, mapper);
    }

    /** Loads the state once; the folders are created when missing. */
    synchronized void open() throws IOException {
        if (!loaded) {
            Files.createDirectories(done);
            Files.createDirectories(failed);
            state.load();
            loaded = true;
        }
    }

    /** Takes every complete file of the inbox, in name order. */
    synchronized void scan() throws IOException {
        open();
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox)) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("~$") && !n.endsWith(READY)
                        && !n.endsWith(".tmp") && !n.endsWith(".part")) {
                    names.add(n);
                }
            }
        }
        seen.keySet().retainAll(names);
        for (String name : names) {
            Path file = inbox.resolve(name);
            if (complete(file, name)) {
                take(file, name);
                seen.remove(name);
            }
        }
    }

    private boolean complete(Path file, String name) throws IOException {
        if (Files.exists(inbox.resolve(name + READY))) {
            return true;
        }
        Seen now = new Seen(Files.size(file), Files.getLastModifiedTime(file), clock.getAsLong());
        Seen before = seen.get(name);
        if (before != null && before.size() == now.size() && before.modified().equals(now.modified())) {
            return now.size() > 0 && now.at() - before.at() >= stableMillis;
        }
        seen.put(name, now);
        return false;
    }

    private void take(Path file, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        OffsetDateTime fileTime = Files.getLastModifiedTime(file).toInstant().atOffset(CST).truncatedTo(ChronoUnit.SECONDS);
        Submission s;
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".xlsx")) {
                s = WorkbookReader.read(name, new ByteArrayInputStream(bytes));
            } else if (lower.endsWith(".csv")) {
                s = CsvReader.read(name, bytes);
            } else {
                fail(file, name, "不支持的文件类型，只接受 .xlsx 和 .csv (only .xlsx and .csv are read)");
                return;
            }
        } catch (IOException | RuntimeException e) {
            // not a workbook at all (a renamed .xls, a truncated zip): nothing in it can be read
            fail(file, name, "文件无法读取 (the file cannot be read): " + e.getMessage());
            return;
        }
        if (s.items.isEmpty() && s.events.isEmpty()) {
            fail(file, name, s.problems.isEmpty() ? "文件中没有可识别的内容 (nothing recognised)"
                    : s.problems.get(0).where() + "：" + s.problems.get(0).message());
            return;
        }
        String doneName = freeName(done, name);
        List<FolderState.Stored> stored = new ArrayList<>();
        for (FormItem item : s.items) {
            FolderState.Stored st = intake.bind(item, doneName);
            stored.add(st);
            if (st.errorPath() != null) {
                s.problems.add(new Submission.Problem(st.errorPath(), st.error()));
            }
        }
        List<ObjectNode> events = intake.events(s, stored, fileTime);
        stored.stream().filter(st -> st.key() != null).forEach(state::put);
        events.forEach(e -> state.addEvent(regionCode, e));
        state.addFile(doneName, s.problems);
        // the state first: a crash before the move takes the file again, and its events are handled twice,
        // which changes nothing (deterministic result ids); the other order could lose them
        state.save();
        move(file, done.resolve(doneName));
        Files.deleteIfExists(inbox.resolve(name + READY));
        if (!s.problems.isEmpty()) {
            results.write(doneName, List.of(), s.problems);
        }
        LOG.info("Region {}: took {} ({} items, {} events, {} problems)", regionCode, name, stored.size(), events.size(),
                s.problems.size());
    }

    private void fail(Path file, String name, String reason) throws IOException {
        String failedName = freeName(failed, name);
        ObjectNode error = mapper.createObjectNode();
        error.put("file", name);
        error.put("regionCode", regionCode);
        error.put("error", reason);
        Path errorFile = failed.resolve(failedName + ".error.json");
        Files.write(errorFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(error));
        move(file, failed.resolve(failedName));
        Files.deleteIfExists(inbox.resolve(name + READY));
        LOG.warn("Region {}: {} moved to failed/: {}", regionCode, name, reason);
    }

    /** {@code name}, or {@code name-2}, {@code name-3} … before the extension when done/ already has it. */
    private static String freeName(Path dir, String name) {
        if (!Files.exists(dir.resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n + ext;
            if (!Files.exists(dir.resolve(candidate))) {
                return candidate;
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // done/ and failed/ are inside the inbox, so this only happens on unusual mounts
            Files.move(from, to);
        }
    }
}
