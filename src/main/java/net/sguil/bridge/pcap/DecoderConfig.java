package net.sguil.bridge.pcap;

import java.time.Duration;

/**
 * Resource limits of the {@link PacketDecoder}. Immutable; start from {@link #defaults()} and
 * change single values with the {@code with…} methods.
 */
public final class DecoderConfig {
    private final int maxFragmentedDatagrams;
    private final int maxDatagramSize;
    private final long fragmentTimeoutNanos;
    private final int maxVlanTags;
    private final int maxIpv6ExtensionHeaders;

    private DecoderConfig(int maxFragmentedDatagrams, int maxDatagramSize, long fragmentTimeoutNanos,
            int maxVlanTags, int maxIpv6ExtensionHeaders) {
        if (maxFragmentedDatagrams < 1 || maxDatagramSize < 1 || maxDatagramSize > 65535 || fragmentTimeoutNanos < 0
                || maxVlanTags < 0 || maxIpv6ExtensionHeaders < 0) {
            throw new IllegalArgumentException("invalid decoder limits");
        }
        this.maxFragmentedDatagrams = maxFragmentedDatagrams;
        this.maxDatagramSize = maxDatagramSize;
        this.fragmentTimeoutNanos = fragmentTimeoutNanos;
        this.maxVlanTags = maxVlanTags;
        this.maxIpv6ExtensionHeaders = maxIpv6ExtensionHeaders;
    }

    /** 1024 datagrams in reassembly, 65535 bytes each, 30 s fragment timeout (capture time), 8 VLAN tags, 16 IPv6 extension headers. */
    public static DecoderConfig defaults() {
        return new DecoderConfig(1024, 65535, Duration.ofSeconds(30).toNanos(), 8, 16);
    }

    /** Datagrams being reassembled at once; beyond it the oldest is dropped (weird {@code ip.fragment_evicted}). */
    public int maxFragmentedDatagrams() {
        return maxFragmentedDatagrams;
    }

    /** Largest reassembled IP payload accepted (at most 65535). */
    public int maxDatagramSize() {
        return maxDatagramSize;
    }

    /** Capture time after which an incomplete datagram is dropped (weird {@code ip.fragment_timeout}). */
    public long fragmentTimeoutNanos() {
        return fragmentTimeoutNanos;
    }

    public int maxVlanTags() {
        return maxVlanTags;
    }

    public int maxIpv6ExtensionHeaders() {
        return maxIpv6ExtensionHeaders;
    }

    public DecoderConfig withMaxFragmentedDatagrams(int n) {
        return new DecoderConfig(n, maxDatagramSize, fragmentTimeoutNanos, maxVlanTags, maxIpv6ExtensionHeaders);
    }

    public DecoderConfig withMaxDatagramSize(int n) {
        return new DecoderConfig(maxFragmentedDatagrams, n, fragmentTimeoutNanos, maxVlanTags, maxIpv6ExtensionHeaders);
    }

    public DecoderConfig withFragmentTimeout(Duration d) {
        return new DecoderConfig(maxFragmentedDatagrams, maxDatagramSize, d.toNanos(), maxVlanTags, maxIpv6ExtensionHeaders);
    }

    public DecoderConfig withMaxVlanTags(int n) {
        return new DecoderConfig(maxFragmentedDatagrams, maxDatagramSize, fragmentTimeoutNanos, n, maxIpv6ExtensionHeaders);
    }

    public DecoderConfig withMaxIpv6ExtensionHeaders(int n) {
        return new DecoderConfig(maxFragmentedDatagrams, maxDatagramSize, fragmentTimeoutNanos, maxVlanTags, n);
    }
}
