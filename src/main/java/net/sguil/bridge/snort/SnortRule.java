package net.sguil.bridge.snort;

import java.util.List;

/**
 * A parsed Snort 2.9 rule: its header and the options the bridge's rules use.
 *
 * @param contents the content matches in order, each with its modifiers
 */
public record SnortRule(int line, String action, String protocol, String srcAddress, String srcPorts, String direction,
                        String dstAddress, String dstPorts, String msg, List<String> flow, List<Content> contents,
                        boolean hasPcre, String classtype, Integer priority, List<String> references, long sid,
                        long rev, List<String> metadata) {
    /** One {@code content} option and its modifiers; null where a modifier is absent. */
    public record Content(byte[] pattern, boolean negated, boolean nocase, Integer depth, Integer offset,
                          Integer distance, Integer within) {
    }
}
