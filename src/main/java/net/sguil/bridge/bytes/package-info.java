/**
 * Byte-array scanning shared by the analyzers' hot loops. Imports nothing of the project.
 */
package net.sguil.bridge.bytes;
