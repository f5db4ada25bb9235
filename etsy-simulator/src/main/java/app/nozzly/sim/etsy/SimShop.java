package app.nozzly.sim.etsy;

/** A seller on the simulated Etsy: the user who signs in and the shop they own (Etsy: user_id, shop_id). */
public record SimShop(long shopId, long userId, String shopName, String loginName, String firstName, String lastName,
        String email, String currency) {
}
