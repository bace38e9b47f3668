/**
 * The subset of Snort 2.9 rule syntax the bridge ships and checks ({@code snort-rules/}). Imports
 * nothing of the project.
 */
package net.sguil.bridge.snort;
