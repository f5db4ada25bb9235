package app.nozzly.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.nozzly.clients.ordersync.ApiClient;
import app.nozzly.clients.ordersync.api.AuthResourceApi;
import app.nozzly.clients.ordersync.api.OrdersResourceApi;
import app.nozzly.clients.ordersync.api.SyncResourceApi;
import app.nozzly.clients.ordersync.model.CallbackRequest;
import app.nozzly.clients.ordersync.model.Login;
import app.nozzly.clients.ordersync.model.NoteRequest;
import app.nozzly.clients.ordersync.model.NoteView;
import app.nozzly.clients.ordersync.model.OrderPage;
import app.nozzly.clients.ordersync.model.OrderView;
import app.nozzly.clients.ordersync.model.SignedIn;
import app.nozzly.clients.ordersync.model.SyncResult;
import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;

/** A seller signs in with Etsy, syncs the shop and works on an order through order-sync-service's generated client. */
class OrderSyncClientIT {

    private final Services services = Services.get();

    private ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(services.orderSync.url());
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        }
        return client;
    }

    @Test
    void aSellerSignsInWithEtsySyncsTheShopAndNotesAnOrder() throws Exception {
        SimShop shop = services.etsy.createShop("ClientsShop" + System.nanoTime() % 100_000, "Dana", "Maker");
        Login login = new AuthResourceApi(client(null)).authResourceLogin();
        services.etsy.approveAs(shop);
        Map<String, String> redirect = EtsySimulator.consent(login.getAuthUrl());
        assertThat(redirect).containsEntry("state", login.getState());
        SignedIn signedIn = new AuthResourceApi(client(null)).authResourceCallback(
                new CallbackRequest().code(redirect.get("code")).codeVerifier(login.getCodeVerifier()));
        assertThat(signedIn.getUser().getShopId()).isEqualTo(String.valueOf(shop.shopId()));
        ApiClient seller = client("Bearer " + signedIn.getToken());
        assertThat(new AuthResourceApi(seller).authResourceUser().getShopName()).isEqualTo(shop.shopName());

        List<Long> receipts = services.etsy.addReceipts(shop, 2);
        SyncResult synced = new SyncResourceApi(seller).syncResourceSync();
        assertThat(synced.getSyncedCount()).isEqualTo(2);

        OrdersResourceApi orders = new OrdersResourceApi(seller);
        OrderPage page = orders.ordersResourceList(null, null, null, null, null, null);
        assertThat(page.getTotal()).isEqualTo(2);
        assertThat(page.getOrders()).extracting(OrderView::getEtsyOrderId)
                .containsExactlyInAnyOrderElementsOf(receipts.stream().map(String::valueOf).toList());
        OrderView order = orders.ordersResourceGet(page.getOrders().get(0).getId());
        assertThat(order.getItems()).isNotEmpty();
        assertThat(order.getProductionStatus()).isEqualTo(OrderView.ProductionStatusEnum.PENDING);

        NoteView note = orders.ordersResourceAddNote(order.getId(), new NoteRequest().content("gift wrap, please"));
        assertThat(note.getOrderId()).isEqualTo(order.getId());
        assertThat(orders.ordersResourceNotes(order.getId(), null, null)).extracting(NoteView::getContent)
                .containsExactly("gift wrap, please");
    }
}
