package app.nozzly.production.process.orders.rest;

import static app.nozzly.production.process.ProcessParams.PARAMS;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.process.errors.ProcessError;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessErrors;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import app.nozzly.production.process.orders.OrderApi.AssignBatch;
import app.nozzly.production.process.orders.OrderApi.CreateOrder;
import app.nozzly.production.process.orders.OrderApi.OrderStatusChange;
import app.nozzly.production.process.orders.OrderApi.OrderView;
import app.nozzly.production.process.orders.OrderStatus;
import app.nozzly.production.process.orders.service.OrderService;
import app.nozzly.production.process.orders.service.OrderService.OrderFilter;
import app.nozzly.production.support.Priority;

/** specs/001 "Órdenes de Producción", plus GET one and PUT status (hold, resume, cancel). */
@Path("/api/v1/production/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: orders")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR); every error body is {\"error\": {\"code\", \"message\", \"details\"}}",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class OrderResource {

    @Inject
    OrderService orders;

    @GET
    public Page<OrderView> list(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("customer_order_id") String customerOrderId, @QueryParam("product_id") String productId,
            @QueryParam("date_from") String dateFrom, @QueryParam("date_to") String dateTo,
            @QueryParam("page") String page, @QueryParam("limit") String limit) {
        OrderFilter filter = new OrderFilter(PARAMS.oneOf("status", status, OrderStatus.class),
                PARAMS.oneOf("priority", priority, Priority.class), customerOrderId,
                PARAMS.uuid("product_id", productId), PARAMS.instant("date_from", dateFrom, false),
                PARAMS.instant("date_to", dateTo, true));
        return orders.list(filter, ProcessParams.page(page, limit));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "422", description = "PRODUCT_NOT_FOUND in inventory",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public OrderView create(@Valid @NotNull CreateOrder request, @Context SecurityContext security) {
        return orders.create(request, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/{orderId}")
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public OrderView get(@PathParam("orderId") String orderId) {
        return orders.get(orderId(orderId));
    }

    @PUT
    @Path("/{orderId}/assign-batch")
    @APIResponse(responseCode = "409", description = "PROD008 order cancelled",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND, PROD005",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public OrderView assignBatch(@PathParam("orderId") String orderId, @Valid @NotNull AssignBatch request) {
        return orders.assignBatch(orderId(orderId), request);
    }

    @PUT
    @Path("/{orderId}/status")
    public OrderView changeStatus(@PathParam("orderId") String orderId, @Valid @NotNull OrderStatusChange request) {
        return orders.changeStatus(orderId(orderId), request);
    }

    private static UUID orderId(String value) {
        return ProcessParams.id(value, ProcessErrorCode.ORDER_NOT_FOUND, "production order");
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        return ProcessErrors.invalid(e);
    }

    @ServerExceptionMapper
    Response invalidBody(JsonProcessingException e) {
        return ProcessErrors.invalidJson(e);
    }
}
