package io.github.camelsaas.simulator;

import java.nio.file.Path;

/**
 * The launcher's command line. Every option with a value takes it as the next argument or after {@code =}
 * ({@code --zuora-port 8082} or {@code --zuora-port=8082}).
 *
 * @param zuoraDefinitions     a JSON file of Zuora object definitions to define at start, or null
 * @param zuoraAcceptAnyObject whether the Zuora simulator takes records of any object, defining it on first use
 */
record LaunchOptions(int kustomerPort, int zuoraPort, Path zuoraDefinitions, boolean zuoraAcceptAnyObject,
        boolean help) {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar camel-saas-simulators-<version>-standalone.jar [options]",
            "  --kustomer-port N           the Kustomer simulator's port (0 or absent: a free port)",
            "  --zuora-port N              the Zuora simulator's port (0 or absent: a free port)",
            "  --zuora-definitions FILE    define Zuora custom objects at start from FILE, a JSON document shaped as",
            "                              the body of POST /objects/definitions/default:",
            "                              {\"definitions\": {\"Order\": {\"object\": \"Order\", \"label\": \"Order\",",
            "                               \"properties\": {\"OrderNumber__c\": {\"type\": \"string\", \"label\": \"Number\"}},",
            "                               \"required\": [\"OrderNumber__c\"], \"filterable\": [\"OrderNumber__c\"]}}}",
            "  --zuora-accept-any-object   take records of any Zuora object: a create for an object with no",
            "                              definition defines it on the fly (open: any field, listing the fields of",
            "                              that first create); a simulator-only convenience, Zuora refuses them",
            "  --help, -h                  this text",
            "Zuora objects can also be defined while it runs: POST /objects/definitions/default (with a bearer token",
            "from POST /oauth/token, client id demo-client, secret demo-secret).");

    static LaunchOptions parse(String[] args) {
        int kustomerPort = 0;
        int zuoraPort = 0;
        Path zuoraDefinitions = null;
        boolean acceptAnyObject = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String inlineValue = name.equals(arg) ? null : arg.substring(equals + 1);
            switch (name) {
                case "--kustomer-port" -> kustomerPort = port(name, inlineValue != null ? inlineValue
                        : next(args, ++i, name));
                case "--zuora-port" -> zuoraPort = port(name, inlineValue != null ? inlineValue
                        : next(args, ++i, name));
                case "--zuora-definitions" -> {
                    String file = inlineValue != null ? inlineValue : next(args, ++i, name);
                    if (file.isBlank()) {
                        throw new IllegalArgumentException(name + " needs a file name");
                    }
                    zuoraDefinitions = Path.of(file);
                }
                case "--zuora-accept-any-object" -> {
                    if (inlineValue != null) {
                        throw new IllegalArgumentException(name + " takes no value, was given " + inlineValue);
                    }
                    acceptAnyObject = true;
                }
                case "--help", "-h" -> {
                    return new LaunchOptions(0, 0, null, false, true);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new LaunchOptions(kustomerPort, zuoraPort, zuoraDefinitions, acceptAnyObject, false);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a " + (option.endsWith("port") ? "port number" : "value"));
        }
        return args[index];
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a port number: " + value);
        }
    }
}
