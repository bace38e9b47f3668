/**
 * The configuration file ({@code key = value}) and its checked reading, including limits records
 * bound to {@code limits.*} keys. Imports nothing of the project.
 */
package net.sguil.bridge.config;
