package app.nozzly.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.outbox.Outbox;

@Path("/api/widgets")
public class WidgetResource {

    public record WidgetRequest(String name) {
    }

    @Inject
    Outbox outbox;

    @POST
    @Transactional
    @ResponseStatus(201)
    public Widget create(WidgetRequest request) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = request.name();
        widget.persist();
        outbox.publish("test.widgets", widget.id.toString(), "test.widget.created",
                Map.of("id", widget.id.toString(), "name", widget.name));
        if (widget.name.startsWith("restock")) {
            outbox.publish("test.widget-commands", widget.id.toString(), "test.widget.stocked", Map.of("amount", 2));
        }
        if (widget.name.startsWith("reject")) {
            throw new WebApplicationException("rejected after the event was written", 409);
        }
        return widget;
    }

    @GET
    public List<Widget> list() {
        return Widget.listAll();
    }

    @GET
    @Path("{id}")
    public Widget get(@PathParam("id") UUID id) {
        return Widget.<Widget>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }
}
