package app.nozzly.inventory.spoolman.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Spoolman's settings of a tenant: JSON-encoded values of known keys, each with a type and a default; the extra
 * field definitions live in three of them ({@code extra_fields_<entity>}).
 */
@ApplicationScoped
@Transactional
public class SpoolmanSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A setting Spoolman knows: its JSON type and default (JSON text). */
    record Definition(String type, String fallback) {
    }

    static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put("currency", new Definition("string", "\"EUR\""));
        DEFINITIONS.put("round_prices", new Definition("boolean", "false"));
        DEFINITIONS.put("print_presets", new Definition("array", "[]"));
        DEFINITIONS.put("label_designs", new Definition("array", "[]"));
        DEFINITIONS.put("extra_fields_vendor", new Definition("array", "[]"));
        DEFINITIONS.put("extra_fields_filament", new Definition("array", "[]"));
        DEFINITIONS.put("extra_fields_spool", new Definition("array", "[]"));
        DEFINITIONS.put("base_url", new Definition("string", "\"\""));
        DEFINITIONS.put("locations", new Definition("array", "[]"));
        DEFINITIONS.put("locations_spoolorders", new Definition("object", "{}"));
        DEFINITIONS.put("dashboard_groups", new Definition("object", "{}"));
        DEFINITIONS.put("dashboard_spoolorders", new Definition("object", "{}"));
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    SpoolmanEvents events;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode get(String key) {
        Definition definition = definition(key);
        return view(definition, stored(key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode all() {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        DEFINITIONS.forEach((key, definition) -> all.set(key, view(definition, stored(key))));
        return all;
    }

    /** Sets a setting to a JSON value of its type; empty or "null" resets it to its default. */
    public ObjectNode set(String key, String value) {
        Definition definition = definition(key);
        if (value == null || value.isEmpty() || value.equals("null")) {
            em.createNativeQuery("delete from spoolman_setting where tenant_id = ?1 and key = ?2")
                    .setParameter(1, tenants.require()).setParameter(2, key).executeUpdate();
        } else {
            JsonNode parsed = parse(value);
            if (parsed == null || !definition.type().equals(typeOf(parsed))) {
                throw new SpoolmanError(400, "Setting " + key + " must be " + article(definition.type()) + ".");
            }
            SpoolmanExtraFields.validateSetting(key, parsed);
            write(key, value);
        }
        ObjectNode view = view(definition, stored(key));
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("key", key);
        payload.set("setting", view);
        events.changed("setting", key, "updated", payload);
        return view;
    }

    Optional<String> stored(String key) {
        List<?> rows = em.createNativeQuery("select value from spoolman_setting where tenant_id = ?1 and key = ?2")
                .setParameter(1, tenants.require()).setParameter(2, key).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    void write(String key, String value) {
        em.createNativeQuery("insert into spoolman_setting (tenant_id, key, value) values (?1, ?2, ?3)"
                + " on conflict (tenant_id, key) do update set value = excluded.value")
                .setParameter(1, tenants.require()).setParameter(2, key).setParameter(3, value).executeUpdate();
    }

    private static Definition definition(String key) {
        Definition definition = DEFINITIONS.get(key);
        if (definition == null) {
            throw new SpoolmanError(404, "Setting " + key + " does not exist.");
        }
        return definition;
    }

    private static ObjectNode view(Definition definition, Optional<String> value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("value", value.orElse(definition.fallback()));
        node.put("is_set", value.isPresent());
        node.put("type", definition.type());
        return node;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String typeOf(JsonNode node) {
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isArray()) {
            return "array";
        }
        return node.isObject() ? "object" : "null";
    }

    private static String article(String type) {
        return (type.equals("array") || type.equals("object") ? "an " : "a ") + type;
    }
}
