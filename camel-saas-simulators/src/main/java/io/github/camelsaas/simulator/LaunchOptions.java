package io.github.camelsaas.simulator;

/** The launcher's command line: {@code --kustomer-port N --zuora-port N [--help]}. */
record LaunchOptions(int kustomerPort, int zuoraPort, boolean help) {

    static final String USAGE = "usage: java -jar camel-saas-simulators-<version>-standalone.jar"
                                + " [--kustomer-port N] [--zuora-port N]   (0 or absent: a free port)";

    static LaunchOptions parse(String[] args) {
        int kustomerPort = 0;
        int zuoraPort = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kustomer-port" -> kustomerPort = port(args, ++i);
                case "--zuora-port" -> zuoraPort = port(args, ++i);
                case "--help", "-h" -> {
                    return new LaunchOptions(0, 0, true);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return new LaunchOptions(kustomerPort, zuoraPort, false);
    }

    private static int port(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a port number");
        }
        try {
            int port = Integer.parseInt(args[index]);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[index - 1] + ": not a port number: " + args[index]);
        }
    }
}
