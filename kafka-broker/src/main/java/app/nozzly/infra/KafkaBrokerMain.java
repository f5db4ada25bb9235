package app.nozzly.infra;

/**
 * Entry point of the broker's child JVM: runs Apache Kafka and exits when the JVM that started it is
 * gone, so a killed test run or stack never leaves an orphan broker holding its port.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <parent-pid> <server.properties>");
            System.exit(2);
        }
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        kafka.Kafka.main(new String[] { args[1] });
    }
}
