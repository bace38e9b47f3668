package net.sguil.bridge.rules;

import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sguil.bridge.facts.SancpSession;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The thresholds and site facts the shipped rules read, so that they can be tuned without editing
 * DRL. Inserted into every session as a fact: rules bind it with {@code $p : RuleParameters()}.
 * Immutable; {@code with…} methods return modified copies. Configuration keys (defaults in brackets):
 * <ul>
 * <li>{@code trending.min_count} [100], {@code trending.ratio} [10], {@code trending.days} [7]</li>
 * <li>{@code volume.ratio} [10], {@code volume.hours} [24], {@code volume.min_bytes} [10000000]</li>
 * <li>{@code home_net} [10.0.0.0/8,172.16.0.0/12,192.168.0.0/16]</li>
 * <li>{@code smtp.ports} [25,587], {@code smtp.servers} [empty: any server]</li>
 * <li>{@code rules.known_bad_hashes} [none]: path of the hash list, relative to the config file</li>
 * <li>{@code analyst.request_keywords} [extract,analyze]: a console comment beginning with one asks
 *     for the alert's session to be analysed</li>
 * </ul>
 */
public final class RuleParameters {
    public static final String DEFAULT_HOME_NET = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16";

    private final long trendingMinCount;
    private final double trendingRatio;
    private final int trendingDays;
    private final double volumeRatio;
    private final int volumeHours;
    private final long volumeMinBytes;
    private final NetworkSet homeNet;
    private final Set<Integer> smtpPorts;
    private final NetworkSet smtpServers;
    private final KnownBadHashes knownBadHashes;
    private final List<String> requestKeywords;

    private RuleParameters(long trendingMinCount, double trendingRatio, int trendingDays, double volumeRatio,
                           int volumeHours, long volumeMinBytes, NetworkSet homeNet, Set<Integer> smtpPorts,
                           NetworkSet smtpServers, KnownBadHashes knownBadHashes, List<String> requestKeywords) {
        this.trendingMinCount = requirePositive("trending.min_count", trendingMinCount);
        this.trendingRatio = requirePositive("trending.ratio", trendingRatio);
        this.trendingDays = (int) requirePositive("trending.days", trendingDays);
        this.volumeRatio = requirePositive("volume.ratio", volumeRatio);
        this.volumeHours = (int) requirePositive("volume.hours", volumeHours);
        this.volumeMinBytes = requirePositive("volume.min_bytes", volumeMinBytes);
        this.homeNet = homeNet;
        this.smtpPorts = Set.copyOf(smtpPorts);
        this.smtpServers = smtpServers;
        this.knownBadHashes = knownBadHashes;
        this.requestKeywords = List.copyOf(requestKeywords);
    }

    public static RuleParameters defaults() {
        return new RuleParameters(100, 10, 7, 10, 24, 10_000_000L, NetworkSet.parse(DEFAULT_HOME_NET),
                Set.of(25, 587), NetworkSet.empty(), KnownBadHashes.none(),
                List.of("extract", "analyze"));
    }

    /** Defaults overridden by whatever of the keys above the configuration sets. */
    public static RuleParameters from(ConfigFile config) throws ConfigException {
        RuleParameters d = defaults();
        KnownBadHashes hashes = config.path("rules.known_bad_hashes").isPresent()
                ? KnownBadHashes.load(config.path("rules.known_bad_hashes").get()) : d.knownBadHashes;
        try {
            return new RuleParameters(
                    value(config, "trending.min_count", Long::parseLong, d.trendingMinCount),
                    value(config, "trending.ratio", Double::parseDouble, d.trendingRatio),
                    value(config, "trending.days", Integer::parseInt, d.trendingDays),
                    value(config, "volume.ratio", Double::parseDouble, d.volumeRatio),
                    value(config, "volume.hours", Integer::parseInt, d.volumeHours),
                    value(config, "volume.min_bytes", Long::parseLong, d.volumeMinBytes),
                    value(config, "home_net", NetworkSet::parse, d.homeNet),
                    value(config, "smtp.ports", RuleParameters::parsePorts, d.smtpPorts),
                    value(config, "smtp.servers", NetworkSet::parse, d.smtpServers),
                    hashes,
                    value(config, "analyst.request_keywords", RuleParameters::parseKeywords, d.requestKeywords));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static <T> T value(ConfigFile config, String key, Function<String, T> parse, T fallback)
            throws ConfigException {
        Optional<String> v = config.get(key);
        try {
            return v.isPresent() ? parse.apply(v.get()) : fallback;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " = " + v.get() + ": " + e.getMessage(), e);
        }
    }

    public RuleParameters withTrending(long minCount, double ratio, int days) {
        return new RuleParameters(minCount, ratio, days, volumeRatio, volumeHours, volumeMinBytes, homeNet,
                smtpPorts, smtpServers, knownBadHashes, requestKeywords);
    }

    public RuleParameters withVolume(double ratio, int hours, long minBytes) {
        return new RuleParameters(trendingMinCount, trendingRatio, trendingDays, ratio, hours, minBytes, homeNet,
                smtpPorts, smtpServers, knownBadHashes, requestKeywords);
    }

    public RuleParameters withHomeNet(NetworkSet net) {
        return new RuleParameters(trendingMinCount, trendingRatio, trendingDays, volumeRatio, volumeHours,
                volumeMinBytes, net, smtpPorts, smtpServers, knownBadHashes, requestKeywords);
    }

    public RuleParameters withSmtp(Set<Integer> ports, NetworkSet servers) {
        return new RuleParameters(trendingMinCount, trendingRatio, trendingDays, volumeRatio, volumeHours,
                volumeMinBytes, homeNet, ports, servers, knownBadHashes, requestKeywords);
    }

    public RuleParameters withKnownBadHashes(KnownBadHashes hashes) {
        return new RuleParameters(trendingMinCount, trendingRatio, trendingDays, volumeRatio, volumeHours,
                volumeMinBytes, homeNet, smtpPorts, smtpServers, hashes, requestKeywords);
    }

    /** A day's count must reach at least this many alerts to be a spike. */
    public long getTrendingMinCount() { return trendingMinCount; }
    /** …and at least this many times the median of the previous days. */
    public double getTrendingRatio() { return trendingRatio; }
    /** How many previous days make the median. */
    public int getTrendingDays() { return trendingDays; }
    /** An hour's outbound bytes on a port must exceed this many times the median of the previous hours. */
    public double getVolumeRatio() { return volumeRatio; }
    /** How many previous hours make the median. */
    public int getVolumeHours() { return volumeHours; }
    /** …and be at least this many bytes. */
    public long getVolumeMinBytes() { return volumeMinBytes; }
    public NetworkSet getHomeNet() { return homeNet; }
    public Set<Integer> getSmtpPorts() { return smtpPorts; }
    public NetworkSet getSmtpServers() { return smtpServers; }

    public boolean isHome(String ip) {
        return homeNet.contains(ip);
    }

    /**
     * Bytes of a session that left the home network: what the home side sent when exactly one side
     * is at home ({@code srcBytes} when the home side opened it, {@code dstBytes} when it answered);
     * 0 when both or neither side is at home.
     */
    public long outboundBytes(SancpSession s) {
        boolean srcHome = isHome(s.getSrcIp());
        boolean dstHome = isHome(s.getDstIp());
        if (srcHome == dstHome) {
            return 0;
        }
        return srcHome ? s.getSrcBytes() : s.getDstBytes();
    }

    public boolean isSmtpPort(int port) {
        return smtpPorts.contains(port);
    }

    /** True when {@code ip} is a configured mail server, or when none is configured. */
    public boolean isMailServer(String ip) {
        return smtpServers.isEmpty() || smtpServers.contains(ip);
    }

    public boolean isKnownBadHash(String hash) {
        return knownBadHashes.contains(hash);
    }

    public RuleParameters withRequestKeywords(List<String> keywords) {
        return new RuleParameters(trendingMinCount, trendingRatio, trendingDays, volumeRatio, volumeHours,
                volumeMinBytes, homeNet, smtpPorts, smtpServers, knownBadHashes, keywords);
    }

    /**
     * True when an analyst's comment asks for an analysis: it begins (after blanks, in any case)
     * with one of {@code analyst.request_keywords}, followed by its end or by something not a letter.
     */
    public boolean isRequestComment(String comment) {
        String c = comment == null ? "" : comment.strip().toLowerCase(Locale.ROOT);
        for (String k : requestKeywords) {
            if (c.startsWith(k) && (c.length() == k.length() || !Character.isLetter(c.charAt(k.length())))) {
                return true;
            }
        }
        return false;
    }

    public List<String> getRequestKeywords() { return requestKeywords; }

    private static List<String> parseKeywords(String list) {
        List<String> out = new ArrayList<>();
        for (String k : list.split("[,\\s]+")) {
            if (!k.isEmpty()) {
                out.add(k.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Set<Integer> parsePorts(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String p : list.split("[,\\s]+")) {
            if (p.isEmpty()) {
                continue;
            }
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("smtp.ports: not a port: " + p);
            }
            out.add(port);
        }
        return out;
    }

    private static long requirePositive(String key, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + v);
        }
        return v;
    }

    private static double requirePositive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " must be a positive number: " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "RuleParameters[trending " + trendingMinCount + "/" + trendingRatio + "x/" + trendingDays
                + "d, volume " + volumeRatio + "x/" + volumeHours + "h/" + volumeMinBytes + "B, home_net "
                + homeNet + ", smtp ports " + smtpPorts.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")) + ", " + knownBadHashes.size() + " known-bad hashes]";
    }
}
