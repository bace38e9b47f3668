package net.sguil.bridge.pcap;

import java.time.Duration;

/**
 * Resource limits of the {@link PacketDecoder}, in one immutable value.
 *
 * @param maxFragmentedDatagrams datagrams being reassembled at once; beyond it the oldest is dropped
 *        ({@code ip.fragment_evicted})
 * @param maxDatagramSize largest reassembled IP payload accepted (at most 65535)
 * @param fragmentTimeout capture time after which an incomplete datagram is dropped ({@code ip.fragment_timeout})
 * @param maxVlanTags stacked 802.1Q/802.1ad tags followed before the frame is given up
 * @param maxIpv6ExtensionHeaders IPv6 extension headers followed before the packet is given up
 */
public record PcapLimits(int maxFragmentedDatagrams, int maxDatagramSize, Duration fragmentTimeout, int maxVlanTags,
                         int maxIpv6ExtensionHeaders) {
    public PcapLimits {
        if (maxFragmentedDatagrams < 1 || maxDatagramSize < 1 || maxDatagramSize > 65535 || fragmentTimeout.isNegative()
                || maxVlanTags < 0 || maxIpv6ExtensionHeaders < 0) {
            throw new IllegalArgumentException("invalid decoder limits");
        }
    }

    public static PcapLimits defaults() {
        return new PcapLimits(1024, 65535, Duration.ofSeconds(30), 8, 16);
    }

    public PcapLimits withMaxFragmentedDatagrams(int n) {
        return new PcapLimits(n, maxDatagramSize, fragmentTimeout, maxVlanTags, maxIpv6ExtensionHeaders);
    }

    public PcapLimits withFragmentTimeout(Duration d) {
        return new PcapLimits(maxFragmentedDatagrams, maxDatagramSize, d, maxVlanTags, maxIpv6ExtensionHeaders);
    }
}
