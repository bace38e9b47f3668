package net.sguil.bridge.delivery;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** What the {@link EventValidator} repairs in an event so that Sguil can store it; each is also noted in the detail. */
public enum DeliveryWeird implements Weird {
    @Means("an endpoint that is not an IPv4 address; stored as 0.0.0.0, the real addresses noted in the detail")
    DELIVERY_ADDRESS_NOT_IPV4,
    @Means("an event without a class; stored as 'unknown'")
    DELIVERY_CLASS_MISSING,
    @Means("a class with characters outside [a-z0-9-]; rewritten in lower case, other characters as '-'")
    DELIVERY_CLASS_REWRITTEN,
    @Means("a priority outside 1..5; clamped")
    DELIVERY_PRIORITY_CLAMPED,
    @Means("a signature text with characters outside printable ASCII; stored with '?', the text noted in the detail")
    DELIVERY_MESSAGE_NOT_ASCII,
    @Means("a signature text longer than Sguil's 255 characters; cut")
    DELIVERY_MESSAGE_TRUNCATED,
    @Means("a port, protocol or id outside the range Sguil stores; stored as 0")
    DELIVERY_NUMBER_OUT_OF_RANGE,
    @Means("an event of another generator than 10001; stored as 10001, the only one the console shows details for")
    DELIVERY_GENERATOR_REWRITTEN,
    @Means("a detail longer than Sguil stores (32767 bytes); cut, with a mark saying so")
    DELIVERY_DETAIL_TRUNCATED
}
