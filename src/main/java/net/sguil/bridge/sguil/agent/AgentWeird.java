package net.sguil.bridge.sguil.agent;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** What the sguild event encoder repairs in an event before sending it. */
public enum AgentWeird implements Weird {
    @Means("a priority outside 1..5; clamped")
    AGENT_PRIORITY_CLAMPED,
    @Means("an event without a class; sent with the default class")
    AGENT_CLASS_MISSING,
    @Means("a class outside [a-z0-9-] or longer than 20 characters; rewritten in lower case, other "
            + "characters as '-', cut")
    AGENT_CLASS_REWRITTEN,
    @Means("a signature text with characters outside printable ASCII; replaced by '?'")
    AGENT_MESSAGE_NOT_ASCII,
    @Means("a signature text longer than sguild's 255 characters; cut")
    AGENT_MESSAGE_TRUNCATED,
    @Means("a port or id outside the range sguild stores; sent as 0")
    AGENT_NUMBER_OUT_OF_RANGE,
    @Means("an endpoint that is not an IPv4 address; sent as 0.0.0.0")
    AGENT_ADDRESS_NOT_IPV4,
    @Means("a detail longer than sguild stores; cut, with a mark saying so")
    AGENT_DETAIL_TRUNCATED
}
