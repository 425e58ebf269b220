from ia.cli import main

main()
