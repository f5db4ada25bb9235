package app.nozzly.stack;

/**
 * The local stack's ports: the documented ones (gateway 8080, services 8081-8085, Postgres 15432, Kafka 19092,
 * Etsy 18900, printers 18800-18991), each moved by one offset so that a second stack, a test's say, can run
 * beside a developer's.
 */
record Ports(int offset) {

    int gateway() {
        return 8080 + offset;
    }

    int postgres() {
        return 15432 + offset;
    }

    int kafka() {
        return 19092 + offset;
    }

    int kafkaController() {
        return 19093 + offset;
    }

    int etsy() {
        return 18900 + offset;
    }

    int of(Service service) {
        return service.port() + offset;
    }
}
