package app.nozzly.sim.etsy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One Etsy ShopReceipt with its transactions; mutable only under the simulator's lock. */
final class SimReceipt {

    record Line(long transactionId, long listingId, String title, String sku, int quantity, long unitPriceMinor) {
    }

    record Refund(long amountMinor, long createdTimestamp, String reason) {
    }

    final long receiptId;
    final long shopId;
    final long buyerUserId;
    final String buyerName;
    final String buyerEmail;
    final String city;
    final long createdTimestamp;
    final long shippingMinor;
    final List<Line> lines;
    final List<Refund> refunds = new ArrayList<>();
    String status = "paid";
    boolean shipped;
    long shippedTimestamp;
    String trackingCode;
    long updatedTimestamp;
    /** The currency code Etsy reports for this receipt's money; null: the shop's currency. */
    String currencyCode;
    /** Top-level fields its JSON leaves out, as some receipts Etsy returns do. */
    final Set<String> omittedFields = new HashSet<>();

    SimReceipt(long receiptId, long shopId, long buyerUserId, String buyerName, String buyerEmail, String city,
            long createdTimestamp, long shippingMinor, List<Line> lines) {
        this.receiptId = receiptId;
        this.shopId = shopId;
        this.buyerUserId = buyerUserId;
        this.buyerName = buyerName;
        this.buyerEmail = buyerEmail;
        this.city = city;
        this.createdTimestamp = createdTimestamp;
        this.shippingMinor = shippingMinor;
        this.lines = List.copyOf(lines);
        this.updatedTimestamp = createdTimestamp;
    }

    long subtotalMinor() {
        return lines.stream().mapToLong(l -> l.unitPriceMinor() * l.quantity()).sum();
    }

    long grandtotalMinor() {
        return subtotalMinor() + shippingMinor;
    }

    long refundedMinor() {
        return refunds.stream().mapToLong(Refund::amountMinor).sum();
    }
}
