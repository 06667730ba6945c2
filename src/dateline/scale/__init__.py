"""dateline.scale"""
