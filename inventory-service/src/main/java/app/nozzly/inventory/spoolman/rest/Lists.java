package app.nozzly.inventory.spoolman.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import app.nozzly.inventory.spoolman.ListQuery;

/** Spoolman's list answers: a JSON array of one page, the number of all matches in {@code X-Total-Count}. */
final class Lists {

    static final Map<String, String> SUCCESS = Map.of("message", "Success!");

    private Lists() {
    }

    static Response page(ListQuery.Page page) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        page.items().forEach(items::add);
        return Response.ok(items).header("X-Total-Count", String.valueOf(page.total())).build();
    }
}
