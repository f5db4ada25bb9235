package app.nozzly.inventory.spoolman.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Spoolman's /search over spools, filaments and vendors: every whitespace-separated term must be found in one of
 * an entity's text fields (its own first, then a filament's vendor name, then its text and choice extra fields),
 * a number also finds the spool of that id, and a colour query also finds filaments of a similar colour.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SpoolmanSearch {

    private static final int MAX_TERMS = 8;
    private static final int OWN = 0;
    private static final int VENDOR = 2;
    private static final int EXTRA = 4;
    private static final int BEST = -1;

    @Inject
    SpoolmanSpools spools;

    @Inject
    SpoolmanCatalog catalog;

    @Inject
    SpoolmanExtraFields extraFields;

    /** A field an entity offers to the terms: its label, its value and its rank when a term is in it. */
    private record Candidate(String label, String value, int rank) {
    }

    /** Which field matched best, and the rank of the term that matched worst. */
    private record Hit(ObjectNode entity, String field, int rank) {
    }

    public ObjectNode search(String query, double threshold, int limit, boolean allowArchived, int spoolsPerFilament) {
        String q = query.trim();
        List<String> terms = new ArrayList<>();
        for (String raw : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!raw.isEmpty() && !terms.contains(raw) && terms.size() < MAX_TERMS) {
                terms.add(raw);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        String colour = terms.isEmpty() ? null : SpoolmanColors.resolve(q);
        List<ObjectNode> allSpools = spools.views().stream()
                .filter(s -> allowArchived || !s.path("archived").asBoolean()).toList();

        List<Hit> spoolHits = new ArrayList<>();
        List<Hit> filamentHits = new ArrayList<>();
        List<Hit> vendorHits = new ArrayList<>();
        if (!terms.isEmpty()) {
            Set<String> spoolKeys = textKeys("spool");
            for (ObjectNode spool : allSpools) {
                List<Candidate> fields = own(spool, "comment", "location", "lot_nr");
                fields.addAll(extras(spool, spoolKeys));
                classify(spool, terms, fields).ifPresent(spoolHits::add);
            }
            Map<Long, Hit> byColour = new LinkedHashMap<>();
            if (colour != null) {
                double[] wanted = SpoolmanColors.lab(colour);
                catalog.filamentViews().stream()
                        .filter(f -> SpoolmanColors.distance(f, wanted) <= threshold)
                        .sorted(Comparator.comparingDouble(f -> SpoolmanColors.distance(f, wanted)))
                        .limit(limit)
                        .forEach(f -> byColour.put(f.path("id").asLong(), new Hit(f, "color", BEST)));
            }
            filamentHits.addAll(byColour.values());
            Set<String> filamentKeys = textKeys("filament");
            for (ObjectNode filament : catalog.filamentViews()) {
                if (byColour.containsKey(filament.path("id").asLong())) {
                    continue;
                }
                List<Candidate> fields = own(filament, "name", "material", "article_number", "comment");
                JsonNode vendorName = filament.path("vendor").get("name");
                fields.add(new Candidate("vendor.name", vendorName == null ? null : vendorName.asText(), VENDOR));
                fields.addAll(extras(filament, filamentKeys));
                classify(filament, terms, fields).ifPresent(filamentHits::add);
            }
            Set<String> vendorKeys = textKeys("vendor");
            for (ObjectNode vendor : catalog.vendorViews()) {
                List<Candidate> fields = own(vendor, "name", "comment");
                fields.addAll(extras(vendor, vendorKeys));
                classify(vendor, terms, fields).ifPresent(vendorHits::add);
            }
        }
        Comparator<Hit> order = Comparator.comparingInt(Hit::rank).thenComparingLong(h -> h.entity().path("id").asLong());
        List<Hit> spoolPage = new ArrayList<>(spoolHits.stream().sorted(order).limit(limit).toList());
        if (!q.isEmpty() && q.chars().allMatch(Character::isDigit)) {
            long id = Long.parseLong(q);
            allSpools.stream().filter(s -> s.path("id").asLong() == id).findFirst().ifPresent(spool -> {
                spoolPage.removeIf(h -> h.entity().path("id").asLong() == id);
                spoolPage.add(0, new Hit(spool, "id", BEST));
                while (spoolPage.size() > limit) {
                    spoolPage.remove(spoolPage.size() - 1);
                }
            });
        }
        ArrayNode spoolResults = result.putArray("spools");
        spoolPage.forEach(h -> spoolResults.addObject().<ObjectNode>set("spool", h.entity()).put("match_field", h.field()));
        ArrayNode filamentResults = result.putArray("filaments");
        filamentHits.stream().sorted(order).limit(limit).forEach(h -> {
            ObjectNode hit = filamentResults.addObject();
            hit.set("filament", h.entity());
            hit.put("match_field", h.field());
            if (spoolsPerFilament > 0) {
                List<ObjectNode> own = allSpools.stream()
                        .filter(s -> s.path("filament").path("id").asLong() == h.entity().path("id").asLong())
                        .sorted(Comparator.comparingLong(s -> s.path("id").asLong())).toList();
                ArrayNode shortcuts = hit.putArray("spools");
                own.stream().limit(spoolsPerFilament).forEach(s -> {
                    ObjectNode shortcut = shortcuts.addObject();
                    shortcut.put("id", s.path("id").asLong());
                    if (s.has("remaining_weight")) {
                        shortcut.set("remaining_weight", s.get("remaining_weight"));
                    }
                    if (s.has("location")) {
                        shortcut.set("location", s.get("location"));
                    }
                    shortcut.put("archived", s.path("archived").asBoolean());
                });
                hit.put("spool_count", own.size());
            }
        });
        ArrayNode vendorResults = result.putArray("vendors");
        vendorHits.stream().sorted(order).limit(limit)
                .forEach(h -> vendorResults.addObject().<ObjectNode>set("vendor", h.entity()).put("match_field", h.field()));
        result.put("is_color_query", colour != null);
        return result;
    }

    /** Every term must be in some field; the best field is reported, the worst term's rank ranks the entity. */
    private static java.util.Optional<Hit> classify(ObjectNode entity, List<String> terms, List<Candidate> fields) {
        String bestField = null;
        int bestRank = Integer.MAX_VALUE;
        int worst = BEST;
        for (String term : terms) {
            String termField = null;
            int termRank = Integer.MAX_VALUE;
            for (Candidate field : fields) {
                if (field.value() == null || field.value().isEmpty()) {
                    continue;
                }
                String value = field.value().toLowerCase(Locale.ROOT);
                if (!value.contains(term)) {
                    continue;
                }
                int rank = value.startsWith(term) ? field.rank() : field.rank() + 1;
                if (rank < termRank) {
                    termRank = rank;
                    termField = field.label();
                }
            }
            if (termField == null) {
                return java.util.Optional.empty();
            }
            worst = Math.max(worst, termRank);
            if (termRank < bestRank) {
                bestRank = termRank;
                bestField = termField;
            }
        }
        return java.util.Optional.of(new Hit(entity, bestField, worst));
    }

    private static List<Candidate> own(ObjectNode entity, String... names) {
        List<Candidate> fields = new ArrayList<>();
        for (String name : names) {
            JsonNode value = entity.get(name);
            fields.add(new Candidate(name, value == null || value.isNull() ? null : value.asText(), OWN));
        }
        return fields;
    }

    private static List<Candidate> extras(ObjectNode entity, Set<String> keys) {
        List<Candidate> fields = new ArrayList<>();
        entity.path("extra").properties().forEach(e -> {
            if (keys.contains(e.getKey())) {
                fields.add(new Candidate("extra." + e.getKey(), e.getValue().asText(), EXTRA));
            }
        });
        return fields;
    }

    private Set<String> textKeys(String entity) {
        return extraFields.fields(entity).stream()
                .filter(f -> Set.of("text", "choice").contains(f.path("field_type").asText()))
                .map(f -> f.path("key").asText()).collect(Collectors.toSet());
    }
}
