package io.github.camelsaas.examples.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the orders sample: one JSON object per line (JSON Lines). */
final class Orders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ORDER = new TypeReference<>() {
    };

    private Orders() {
    }

    /** @param location {@code classpath:orders.jsonl} or a file path; {@code limit} 0 reads every order */
    static List<Map<String, Object>> load(String location, int limit) {
        try (InputStream in = open(location);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, Object>> orders = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null && (limit <= 0 || orders.size() < limit)) {
                if (!line.isBlank()) {
                    orders.add(JSON.readValue(line, ORDER));
                }
            }
            return orders;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the orders from " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = Orders.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no " + resource + " on the classpath");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
