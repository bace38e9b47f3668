/**
 * The rule engine: compiles the DRL of {@code drl/}, runs a Drools session on the data's clock, hands
 * conclusions and pcap requests on, and offers DRL the rule-support API. May import only {@code facts},
 * {@code config} and {@code weird}.
 */
package net.sguil.bridge.rules;
