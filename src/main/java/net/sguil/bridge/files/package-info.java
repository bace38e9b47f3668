/**
 * Storing files that come from attackers: sanitised names, only under the output directory, never
 * overwriting, hashed and typed in the same pass. Imports nothing of the project.
 */
package net.sguil.bridge.files;
