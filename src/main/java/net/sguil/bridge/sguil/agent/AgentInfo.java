package net.sguil.bridge.sguil.agent;

/** sguild's answer to {@code RegisterAgent}: our sensor id and the highest cid stored for it (all days). */
public record AgentInfo(String sensorName, String agentType, String netName, long sid, long maxCid) {
}
