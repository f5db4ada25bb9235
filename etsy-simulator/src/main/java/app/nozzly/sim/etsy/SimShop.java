package app.nozzly.sim.etsy;

/**
 * A seller on the simulated Etsy: the user who signs in and the shop they own (Etsy: user_id, shop_id). Its
 * receipts show money in the shop's currency (Etsy ShopReceipt), with that currency's divisor.
 */
public record SimShop(long shopId, long userId, String shopName, String loginName, String firstName, String lastName,
        String email, String currency) {

    /** Minor units per unit: 1 for currencies without decimals (JPY), 1000 for three decimals (KWD), else 100. */
    public int divisor() {
        return switch (currency) {
            case "JPY", "KRW", "CLP", "ISK", "VND", "HUF" -> 1;
            case "KWD", "BHD", "JOD", "OMR", "TND" -> 1000;
            default -> 100;
        };
    }
}
