package org.perflink.mockhost;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the mock host standalone:
 * <pre>
 * java -jar org.perflink.mockhost-VERSION-standalone.jar [--port 18181] [--bind 127.0.0.1]
 *      [--dataset demo|none|FILE] [--no-batch] [--threads 8] [--max-log 100000] [--no-bodies]
 *      [--generate N [--region 440000] [--year 2027] [--seed 1]]
 * </pre>
 * {@code --dataset} defaults to {@code demo}, or to {@code none} when {@code --generate} is given; a generated
 * region is added to the dataset (replacing a region of the same code).
 */
public final class Main {

    private Main() {
    }

    static final String USAGE = """
            usage: java -jar org.perflink.mockhost-standalone.jar [options]
              --port N           port to listen on (default 18181; 0 = any free port)
              --bind ADDR        address to bind (default 127.0.0.1)
              --dataset SPEC     demo (built-in demo dataset), none, or a dataset JSON file
                                 (default: demo; none when --generate is given)
              --no-batch         answer 404 to POST .../results:batch (no batch support)
              --threads N        HTTP worker threads (default 8)
              --max-log N        writes kept by /mock/received/log (default 100000)
              --no-bodies        record counts and fingerprints of writes only (scale runs)
              --generate N       add a generated region of N projects
              --region R         region code of the generated region (default 440000)
              --year Y           year of the generated region (default 2027)
              --seed S           seed of the generated region (default 1)
            """;

    public static void main(String[] args) throws Exception {
        MockHost host;
        try {
            host = create(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (host == null) {
            System.out.print(USAGE);
            return;
        }
        host.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.stop();
            stopped.countDown();
        }, "mock-host-shutdown"));
        StringBuilder regions = new StringBuilder();
        host.dataset().regions().forEach(r -> regions.append(regions.length() == 0 ? "" : ", ")
                .append(r.regionCode()).append(r.name() == null ? "" : " " + r.name()));
        System.out.println("PerfLink mock host listening on " + host.baseUri() + " — dataset " + host.dataset().name()
                + " [" + regions + "], batch " + (host.options().batch() ? "on" : "off"));
        stopped.await();
    }

    /** Builds (but does not start) the host the arguments describe; null for --help. */
    static MockHost create(String[] args) throws IOException {
        MockHost.Options o = MockHost.Options.defaults();
        String dataset = null;
        Integer generate = null;
        String region = "440000";
        int year = 2027;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--port" -> o = o.withPort(intArg(args, ++i, a));
                case "--bind" -> o = o.withBind(arg(args, ++i, a));
                case "--dataset" -> dataset = arg(args, ++i, a);
                case "--no-batch" -> o = o.withBatch(false);
                case "--threads" -> o = o.withThreads(intArg(args, ++i, a));
                case "--max-log" -> o = o.withMaxLog(intArg(args, ++i, a));
                case "--no-bodies" -> o = o.withKeepBodies(false);
                case "--generate" -> generate = intArg(args, ++i, a);
                case "--region" -> region = arg(args, ++i, a);
                case "--year" -> year = intArg(args, ++i, a);
                case "--seed" -> seed = Long.parseLong(arg(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!Dataset.REGION_CODE.matcher(region).matches()) {
            throw new IllegalArgumentException("--region must be 6 digits, not starting with 0");
        }
        Dataset d = Dataset.load(dataset != null ? dataset : generate != null ? "none" : "demo");
        if (generate != null) {
            d = d.with(new GeneratedRegion(region, null, year, generate, seed));
        }
        return new MockHost(o, d);
    }

    private static String arg(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String[] args, int i, String name) {
        try {
            return Integer.parseInt(arg(args, i, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number");
        }
    }
}
