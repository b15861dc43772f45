package org.perflink.admin.web.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.admin.api.AdminOperations.Download;
import org.perflink.admin.api.ExportProgress;
import org.perflink.admin.api.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long exports (the whole result list, the open data, the annual report) run as jobs for the admin page (issue 15):
 * started by a user, they run on a small pool while the page polls their progress; the user can cancel them (the work
 * stops at its next step and keeps no file), and download the file when done. Bounded: at most
 * {@value #MAX_RUNNING} run at once (another start is refused), at most {@value #MAX_KEPT} are kept, and a finished
 * job (with its file, in memory) is dropped {@link #KEEP} after it ended. A user sees only their own jobs; ids are
 * random, so one cannot be guessed.
 */
final class Jobs implements AutoCloseable {

    static final int MAX_RUNNING = 2;
    static final int MAX_KEPT = 20;
    static final Duration KEEP = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    enum State { RUNNING, DONE, FAILED, CANCELLED }

    /** The work of a job: makes its file, reporting to and checking the progress it is given. */
    @FunctionalInterface
    interface Work {
        Download run(ExportProgress progress) throws IOException;
    }

    /** One job: who started it, what it is, where it stands; its own progress, cancelled by {@link #cancel}. */
    static final class Job implements ExportProgress {
        final String id;
        final String owner;
        final String name;
        final Instant startedAt;
        private final AtomicBoolean cancel = new AtomicBoolean();
        private volatile long done;
        private volatile long total;
        private volatile String what;
        private volatile State state = State.RUNNING;
        private volatile String error;
        private volatile Instant finishedAt;
        private volatile Download file;

        private Job(String id, String owner, String name, Instant startedAt) {
            this.id = id;
            this.owner = owner;
            this.name = name;
            this.startedAt = startedAt;
        }

        @Override
        public void step(long doneSoFar, long totalSoFar, String whatLast) {
            this.total = Math.max(totalSoFar, doneSoFar);
            this.done = doneSoFar;
            this.what = whatLast;
        }

        @Override
        public boolean cancelled() {
            return cancel.get();
        }

        long done() {
            return done;
        }

        long total() {
            return total;
        }

        String what() {
            return what;
        }

        State state() {
            return state;
        }

        String error() {
            return error;
        }

        Instant finishedAt() {
            return finishedAt;
        }

        Download file() {
            return file;
        }

        /** The job as the API answers it. */
        ObjectNode json(ObjectMapper mapper) {
            ObjectNode n = mapper.createObjectNode();
            n.put("id", id);
            n.put("name", name);
            State s = state;
            n.put("state", s.name());
            n.put("done", done);
            n.put("total", total);
            n.put("what", what);
            n.put("startedAt", startedAt.toString());
            n.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
            n.put("error", error);
            Download f = s == State.DONE ? file : null;
            n.put("fileName", f == null ? null : f.fileName());
            n.put("bytes", f == null ? null : (Integer) f.bytes().length);
            n.put("download", f == null ? null : ApiServlet.API + "/jobs/" + id + "/file");
            return n;
        }
    }

    private final Clock clock;
    private final ExecutorService pool;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new LinkedHashMap<>(); // oldest first

    Jobs(Clock clock) {
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(MAX_RUNNING, r -> {
            Thread t = new Thread(r, "perflink-admin-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a job of {@code owner}.
     *
     * @throws IllegalStateException when {@value #MAX_RUNNING} jobs run already
     */
    synchronized Job start(String owner, String name, Work work) {
        prune();
        long running = jobs.values().stream().filter(j -> j.state == State.RUNNING).count();
        if (running >= MAX_RUNNING) {
            throw new IllegalStateException("正在运行的任务已达上限 " + MAX_RUNNING + " 个，请稍候或取消一个 (" + MAX_RUNNING
                    + " jobs are running: wait or cancel one)");
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Job job = new Job(HexFormat.of().formatHex(bytes), owner, name, clock.instant());
        jobs.put(job.id, job);
        pool.execute(() -> run(job, work));
        return job;
    }

    private void run(Job job, Work work) {
        State end;
        try {
            job.checkCancelled();
            job.file = work.run(job);
            end = State.DONE;
        } catch (CancellationException e) {
            end = State.CANCELLED;
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            job.error = e.getMessage(); // the operations' messages are safe to show
            end = State.FAILED;
        } catch (IOException | RuntimeException e) {
            LOG.error("admin job {} ({}) failed", job.id, job.name, e);
            job.error = "内部错误，详见日志 (internal error, see the log)";
            end = State.FAILED;
        }
        job.finishedAt = clock.instant();
        job.state = end; // last: a job seen finished has its file, error and end time
    }

    /** The owner's job of that id. */
    synchronized Job find(String owner, String id) {
        prune();
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            throw new NotFoundException("无此任务或已过期 (no such job, or it expired): " + id);
        }
        return job;
    }

    /** The owner's jobs, oldest first. */
    synchronized List<Job> of(String owner) {
        prune();
        return new ArrayList<>(jobs.values().stream().filter(j -> j.owner.equals(owner)).toList());
    }

    /** Asks a running job to stop (it stops at its next part); a finished job is dropped with its file. */
    synchronized Job cancel(String owner, String id) {
        Job job = find(owner, id);
        if (job.state == State.RUNNING) {
            job.cancel.set(true);
        } else {
            jobs.remove(id);
        }
        return job;
    }

    /** Drops finished jobs older than {@link #KEEP}, then the oldest finished ones beyond {@value #MAX_KEPT}. */
    private void prune() {
        Instant before = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(before));
        var finished = jobs.values().stream().filter(j -> j.state != State.RUNNING).map(j -> j.id).toList();
        for (int i = 0; i < finished.size() && jobs.size() >= MAX_KEPT; i++) {
            jobs.remove(finished.get(i));
        }
    }

    @Override
    public synchronized void close() {
        jobs.values().forEach(j -> j.cancel.set(true));
        pool.shutdownNow();
    }
}
