package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of a customer's contact lists (emails, phones, socials, urls, locations, external ids) as Kustomer
 * answers them: with the members it adds when a client leaves them out ({@code verified: false}, {@code id: null},
 * {@code type: null}...), which its response schemas mark as required.
 */
final class ContactEntries {

    private static final Map<String, Map<String, Object>> DEFAULTS = defaults();

    private ContactEntries() {
    }

    /** Completes every contact list among these customer attributes, in place. */
    static void completeAll(Map<String, Object> attributes) {
        DEFAULTS.forEach((list, defaults) -> attributes.put(list, complete(attributes.get(list), defaults)));
    }

    private static Map<String, Map<String, Object>> defaults() {
        Map<String, Object> verifiable = new LinkedHashMap<>();
        verifiable.put("type", null);
        verifiable.put("verified", false);
        verifiable.put("id", null);
        Map<String, Object> externalId = new LinkedHashMap<>();
        externalId.put("verified", false);
        externalId.put("id", null);
        Map<String, Object> social = new LinkedHashMap<>(verifiable);
        social.put("userid", null);
        social.put("url", null);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("type", null);
        typed.put("id", null);
        Map<String, Object> location = new LinkedHashMap<>(typed);
        location.put("address", null);
        Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
        for (String list : new String[] { "emails", "sharedEmails", "phones", "sharedPhones" }) {
            defaults.put(list, verifiable);
        }
        defaults.put("externalIds", externalId);
        defaults.put("sharedExternalIds", externalId);
        defaults.put("socials", social);
        defaults.put("sharedSocials", social);
        defaults.put("urls", typed);
        defaults.put("locations", location);
        return defaults;
    }

    private static Object complete(Object list, Map<String, Object> defaults) {
        if (!(list instanceof List<?> entries)) {
            return list;
        }
        List<Object> completed = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                Map<Object, Object> withDefaults = new LinkedHashMap<>(map);
                defaults.forEach(withDefaults::putIfAbsent);
                completed.add(withDefaults);
            } else {
                completed.add(entry);
            }
        }
        return completed;
    }

}
