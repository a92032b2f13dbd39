using System;
using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// Python's <c>base64.b64decode(s)</c> (not validating): characters outside the alphabet are
/// skipped, padding ends the data once it completes a quantum, and a data length that leaves a
/// partial quantum is an error (<c>binascii.Error</c>).
/// </summary>
internal static class PythonBase64
{
    public static byte[]? Decode(ReadOnlySpan<byte> input)
    {
        var output = new List<byte>(input.Length * 3 / 4);
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        foreach (byte c in input)
        {
            if (c == (byte)'=')
            {
                if (quadPos >= 2 && quadPos + ++pads >= 4) return output.ToArray();
                continue;
            }
            int v = Value(c);
            if (v < 0) continue;
            pads = 0;
            switch (quadPos)
            {
                case 0:
                    quadPos = 1;
                    leftChar = v;
                    break;
                case 1:
                    quadPos = 2;
                    output.Add((byte)((leftChar << 2) | (v >> 4)));
                    leftChar = v & 0x0f;
                    break;
                case 2:
                    quadPos = 3;
                    output.Add((byte)((leftChar << 4) | (v >> 2)));
                    leftChar = v & 0x03;
                    break;
                default:
                    quadPos = 0;
                    output.Add((byte)((leftChar << 6) | v));
                    leftChar = 0;
                    break;
            }
        }
        return quadPos == 0 ? output.ToArray() : null;
    }

    private static int Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
