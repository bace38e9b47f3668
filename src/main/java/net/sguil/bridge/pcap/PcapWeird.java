package net.sguil.bridge.pcap;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the packet layer (capture records, IPv4, IPv6, the TCP header) counts. */
public enum PcapWeird implements Weird {
    @Means("a capture file of a link type the decoder does not know; its packets are skipped")
    PCAP_UNSUPPORTED_LINK_TYPE,
    @Means("the snap length cut a packet inside a link, IP or TCP header; the packet is skipped")
    PCAP_CUT_IN_HEADER,
    @Means("a frame shorter than its link-layer header")
    PCAP_SHORT_LINK_HEADER,
    @Means("more stacked VLAN tags than limits.pcap.max_vlan_tags; the frame is skipped")
    PCAP_TOO_MANY_VLAN_TAGS,
    @Means("the snap length cut a packet's payload; the missing bytes become a gap in the stream")
    PCAP_SNAPLEN_CUT,
    @Means("an IPv4 header longer than the packet that carries it")
    IP_TRUNCATED_HEADER,
    @Means("an IP version other than 4 or 6")
    IP_UNKNOWN_VERSION,
    @Means("an IPv4 header length below 20 bytes")
    IP_BAD_HEADER,
    @Means("an IPv4 total length of 0 (TSO capture); the captured length is used")
    IP_ZERO_TOTAL_LENGTH,
    @Means("an IPv4 total length smaller than its header")
    IP_BAD_TOTAL_LENGTH,
    @Means("an IPv4 fragment cut by the snap length; it cannot be reassembled")
    IP_FRAGMENT_CUT,
    @Means("an IP payload other than TCP, UDP or ICMP")
    IP_OTHER_PROTOCOL,
    @Means("an IP length longer than the frame, not because of the snap length")
    IP_LENGTH_EXCEEDS_CAPTURE,
    @Means("an IPv4 datagram reassembling past limits.pcap.max_datagram_size; dropped")
    IP_FRAGMENT_TOO_LARGE,
    @Means("an incomplete IPv4 datagram dropped to stay within limits.pcap.max_fragmented_datagrams")
    IP_FRAGMENT_EVICTED,
    @Means("IPv4 fragments disagreeing on the datagram's length; dropped")
    IP_FRAGMENT_INCONSISTENT_LENGTH,
    @Means("IPv4 fragments overlapping (the first bytes received are kept)")
    IP_FRAGMENT_OVERLAP,
    @Means("overlapping IPv4 fragments carrying different bytes: an evasion attempt")
    IP_FRAGMENT_OVERLAP_CONFLICT,
    @Means("an incomplete IPv4 datagram dropped after limits.pcap.fragment_timeout")
    IP_FRAGMENT_TIMEOUT,
    @Means("an IPv6 or extension header longer than the packet that carries it")
    IP6_TRUNCATED_HEADER,
    @Means("an IPv6 packet shorter than its fixed header")
    IP6_BAD_HEADER,
    @Means("an IPv6 payload length of 0 (jumbogram or TSO capture); the captured length is used")
    IP6_ZERO_PAYLOAD_LENGTH,
    @Means("more extension headers than limits.pcap.max_ipv6_extension_headers; skipped")
    IP6_TOO_MANY_EXTENSION_HEADERS,
    @Means("an IPv6 packet protected by ESP: nothing to analyse")
    IP6_ESP,
    @Means("an IPv6 packet whose next header is \"no next header\"")
    IP6_NO_NEXT_HEADER,
    @Means("an IPv6 extension header the decoder does not know")
    IP6_UNKNOWN_NEXT_HEADER,
    @Means("a fragment header inside a reassembled IPv6 datagram; dropped")
    IP6_NESTED_FRAGMENT,
    @Means("an IPv6 fragment cut by the snap length; it cannot be reassembled")
    IP6_FRAGMENT_CUT,
    @Means("an IPv6 datagram reassembling past limits.pcap.max_datagram_size; dropped")
    IP6_FRAGMENT_TOO_LARGE,
    @Means("an incomplete IPv6 datagram dropped to stay within limits.pcap.max_fragmented_datagrams")
    IP6_FRAGMENT_EVICTED,
    @Means("IPv6 fragments disagreeing on the datagram's length; dropped")
    IP6_FRAGMENT_INCONSISTENT_LENGTH,
    @Means("IPv6 fragments overlapping (the first bytes received are kept)")
    IP6_FRAGMENT_OVERLAP,
    @Means("overlapping IPv6 fragments carrying different bytes: an evasion attempt")
    IP6_FRAGMENT_OVERLAP_CONFLICT,
    @Means("an incomplete IPv6 datagram dropped after limits.pcap.fragment_timeout")
    IP6_FRAGMENT_TIMEOUT,
    @Means("a TCP header longer than the packet that carries it")
    TCP_TRUNCATED_HEADER,
    @Means("a TCP data offset below 20 bytes")
    TCP_BAD_HEADER_LENGTH
}
