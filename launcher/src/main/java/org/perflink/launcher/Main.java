package org.perflink.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.perflink.core.ConfigValues;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code ./perflink demo | start | stop | user-add | check | simulate | help}, one picocli {@code @Command} class
 * each ({@link DemoCommand}, {@link StartCommand}, {@link StopCommand}, {@link UserAddCommand}, {@link CheckCommand},
 * {@link SimulateCommand}). Each instance is a copy of the distribution in a directory of its own ({@code --data});
 * {@code check} and {@code simulate} run in this JVM without Karaf. A usage error prints its message and
 * {@link #USAGE} on stderr and exits 2.
 */
@Command(name = "perflink", description = "PerfLink 启动器 (the PerfLink launcher)")
public final class Main {

    static final String USAGE = """
            用法 Usage:
              ./perflink demo [--serve] [--host http|sql]
                  模拟预算管理一体化系统 + 演示地区 440000、440100：完整的编制 → 执行 → 决算，并按地区汇总；--serve 结束后保持运行。
                  Karaf + the mock budget system + demo regions 440000 and 440100: a full compile → execute →
                  close cycle, then a summary per region. --serve keeps it running afterwards; --host sql: the regions
                  read and write an exchange database (中间库, embedded H2) filled from the mock host.
              ./perflink start --host-url URL --region CODE[,CODE...] [--stages compile,execute,close] [--data DIR] [--once]
                               [--store-url JDBC_URL [--store-user USER]] [--cluster [--node NAME]]
                  对接现有主机运行；--once：处理完全部待处理事件、送达全部结果后停止（退出码 0；主机持续不可达时 3，状态保留在 DIR）。
                  Run PerfLink against an existing host. --once: handle every pending stage event, deliver
                  every result, then stop (exit 0; exit 3 if the host stays unreachable, state kept in DIR).
                  --store-url: the store on PostgreSQL (password from $PERFLINK_STORE_PASSWORD, kept in an owner-only
                  file); --cluster: one node of a cluster on that database (需 PostgreSQL；H2 或无 --store-url 时退出码 2;
                  docs/cluster.md); --node: this node's name (default: the host name).
              ./perflink stop [--data DIR]
                  停止实例 (stop the instance; without --data the default one and the demo's).
              ./perflink user-add NAME --roles ROLE[,ROLE...] [--data DIR]
                  新建（或替换）实例 Karaf 域中的用户（etc/users.properties：SSH、命令行、管理页面与 API），启动前后均可；发行版不带用户。
                  Create (or replace) a user of the instance's Karaf realm (etc/users.properties: SSH, shell, admin
                  page and API), before or after start; the distribution has none. Roles: perflink-viewer (read),
                  perflink-operator (also replay), perflink-admin (also switch and configure); admin for Karaf's
                  own commands, ssh for the shell over SSH (a shell only: file transfer is off). The password comes
                  from $PERFLINK_PASSWORD, else is asked on the terminal (not echoed), else read as one line from
                  stdin; never from the command line. 口令以加盐的 argon2 哈希保存 (stored as a salted argon2 hash,
                  Karaf's spring-security-crypto encryption). Exit 0: done; 2: a usage error or an unusable password.
              ./perflink check FILE [--phase P] [--region R] [--rule-pack FILE] [--library FILE] [--json]
                  编制阶段检查的干运行：一个项目 JSON 文件（主机契约 v1），无需 Karaf 或主机。
                  Dry run of the compile-stage check of one project JSON file (host contract v1), without Karaf
                  or a host. Exit 0: PASS or WARN; 3: BLOCK; 2: the file, an option or a pack is unusable.
              ./perflink simulate --host-url URL --region R --year Y --rule-pack FILE [--current-pack FILE]
                                  [--csv OUT.csv] [--page-size N]
                  测算：当前规则包与候选规则包下的评价、调整与通知之差，只读主机，不回写。
                  What-if simulation: scores, adjustments and notices of the region's evaluated year under the
                  current pack (built-in default, or --current-pack) and the candidate (--rule-pack, laid over
                  it); prints the differences, writes them as CSV. Reads the host only, writes nothing back.
                  Bearer token from $PERFLINK_HOST_TOKEN. Exit 0: done; 2: an option, a pack file or the CSV
                  file is unusable; 3: the host could not be read.
            """;

    private final Path projectHome;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(Path projectHome, PrintStream out) {
        this(projectHome, out, System.err);
    }

    Main(Path projectHome, PrintStream out, PrintStream err) {
        this.projectHome = projectHome;
        this.out = out;
        this.err = err;
        this.in = System.in;
    }

    public static void main(String[] args) throws Exception {
        // check and simulate run PerfLink's rules here: their libraries log warnings only, to stderr
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
        Path home = Path.of(System.getProperty("perflink.home", ".")).toAbsolutePath().normalize();
        int code;
        try {
            code = new Main(home, System.out).run(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    /** The sub-commands by name, each a fresh picocli command object. */
    Map<String, Callable<Integer>> commands() {
        Map<String, Callable<Integer>> commands = new LinkedHashMap<>();
        commands.put("demo", new DemoCommand(projectHome, out));
        commands.put("start", new StartCommand(projectHome, out));
        commands.put("stop", new StopCommand(projectHome, out));
        commands.put("user-add", new UserAddCommand(out, err, System.getenv(UserAddCommand.PASSWORD_ENV), terminal(), in,
                data -> dataDir(projectHome, data), distribution(projectHome)));
        commands.put("check", new CheckCommand(projectHome, out, err));
        commands.put("simulate", new SimulateCommand(out, err, System.getenv(SimulateCommand.TOKEN_ENV)));
        return commands;
    }

    int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        if (Arrays.asList("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return 0;
        }
        Map<String, Callable<Integer>> commands = commands();
        if (!commands.containsKey(args[0])) {
            throw new UsageException("unknown command '" + args[0] + "'");
        }
        CommandLine cl = commandLine(this);
        commands.forEach((name, command) -> cl.addSubcommand(name, commandLine(command)));
        ParseResult parsed = parse(cl, args);
        CommandLine sub = parsed.subcommand().commandSpec().commandLine();
        if (sub.isUsageHelpRequested()) {
            sub.usage(out);
            return 0;
        }
        return execute(parsed.subcommand());
    }

    /** Parses one command's arguments (without its name) into it and runs it: how tests drive a single command. */
    static int execute(Callable<Integer> command, String... args) throws Exception {
        return execute(parse(commandLine(command), args));
    }

    @SuppressWarnings("unchecked")
    private static int execute(ParseResult parsed) throws Exception {
        return ((Callable<Integer>) parsed.commandSpec().userObject()).call();
    }

    /**
     * As the hand-written parser behaved: no {@code @file} expansion, a repeated option takes its last value; plus
     * {@code -h}/{@code --help} on every command.
     */
    static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setExpandAtFiles(false);
        cl.setOverwrittenOptionsAllowed(true);
        cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("显示本命令的帮助 (show this command's help)").build());
        return cl;
    }

    private static ParseResult parse(CommandLine cl, String... args) {
        try {
            return cl.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The console to ask a password on without echo, or null when stdin or stdout is not a terminal. */
    private static UserAddCommand.Terminal terminal() {
        java.io.Console console = System.console();
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }

    static Path distribution(Path projectHome) {
        return projectHome.resolve("distribution/target/perflink-" + version() + "/perflink-" + version());
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "1.0.0-SNAPSHOT";
    }

    /** {@code --data} is relative to where the command was typed; the default lives in the project. */
    static Path dataDir(Path projectHome, String data) {
        return data != null ? Path.of(data).toAbsolutePath().normalize() : projectHome.resolve(".perflink/server");
    }

    /** The option's value; a missing or blank one is a usage error naming it. */
    static String require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + key + " is required");
        }
        return value;
    }

    /** A value written into a configuration file: Karaf must find nothing to expand in it ({@link ConfigValues}). */
    static String literal(String option, String value) {
        try {
            return ConfigValues.requireLiteral(option, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
