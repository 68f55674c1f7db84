#ifndef SLANT_VERSION_H
#define SLANT_VERSION_H

#define SLANT_VERSION "0.1.0"

#endif
