package app.nozzly.printer.notifications.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A webhook receiver: the setting's URL is the client's base URL, so the POST goes to exactly that URL. */
interface WebhookApi extends AutoCloseable {

    @POST
    @Consumes(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    Response deliver(@HeaderParam(Webhooks.SIGNATURE_HEADER) String signature,
            @HeaderParam(Webhooks.EVENT_HEADER) String event, @HeaderParam(Webhooks.DELIVERY_HEADER) String delivery,
            String body);

    @Override
    void close();
}
